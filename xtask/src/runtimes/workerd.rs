//! Cloudflare Workers: the Worker is bundled by `wrangler deploy --dry-run
//! --outdir`, exactly as for a deployment, then served by the real `workerd`
//! binary from npm on 127.0.0.1; the suite runs per request and the response
//! carries its report.

use std::fmt::Write as _;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::{Ctx, Outcome, consumer, parse};
use crate::util::{self, Result};

/// Bundles the Worker in `dir` as a deploy would, into `dir/bundle`
/// (`wrangler deploy --dry-run --outdir`).
pub(super) fn bundle(ctx: &Ctx, dir: &Path) -> Result<()> {
    let (ok, stdout, stderr) = util::run_captured(
        Command::new(ctx.bin("wrangler"))
            .args(["deploy", "--dry-run", "--outdir", "bundle"])
            .env("CI", "1")
            .env("WRANGLER_SEND_METRICS", "false")
            // wrangler's logs and settings stay inside the repository.
            .env("XDG_CONFIG_HOME", dir.join(".config"))
            .current_dir(dir),
        Duration::from_secs(120),
    )?;
    if ok {
        Ok(())
    } else {
        Err(format!("wrangler failed:\n{stdout}{stderr}"))
    }
}

pub fn workerd(ctx: &Ctx) -> Result<Outcome> {
    let dir = consumer(
        ctx,
        "workerd",
        &[
            "suite.mjs",
            "hmac-suite.mjs",
            "runners/worker.mjs",
            "runners/wrangler.toml",
        ],
    )?;
    bundle(ctx, &dir)?;
    let port = free_port()?;
    util::write(
        &dir.join("config.capnp"),
        config(&dir.join("bundle"), port)?,
    )?;
    eprintln!("$ workerd serve config.capnp  (on 127.0.0.1:{port})");
    let mut server = Server(
        Command::new(ctx.bin("workerd"))
            .args(["serve", "config.capnp"])
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map_err(|e| format!("cannot start workerd: {e}"))?,
    );
    let body = get_when_up(port, &mut server.0, Duration::from_secs(60))?;
    parse(&body).ok_or_else(|| format!("no JWT_WASM_RESULT line in the Worker's response:\n{body}"))
}

/// Kills workerd however the test ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot bind a port: {e}"))?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

/// A workerd config serving the bundle wrangler wrote (the Worker plus each
/// `.wasm` module under the name the bundle imports it by).
fn config(bundle: &Path, port: u16) -> Result<String> {
    let mut modules =
        String::from("    (name = \"worker.js\", esModule = embed \"bundle/worker.js\"),\n");
    let entries =
        fs::read_dir(bundle).map_err(|e| format!("cannot read {}: {e}", bundle.display()))?;
    let mut wasm = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(".wasm") {
            wasm += 1;
            let _ = writeln!(
                modules,
                "    (name = \"{name}\", wasm = embed \"bundle/{name}\"),"
            );
        }
    }
    if wasm == 0 {
        return Err("wrangler's bundle holds no .wasm module".into());
    }
    Ok(format!(
        r#"using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:{port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
{modules}  ],
  compatibilityDate = "2025-01-01",
);
"#
    ))
}

/// GETs `/` once workerd listens; fails if it exits or never answers.
fn get_when_up(port: u16, child: &mut Child, limit: Duration) -> Result<String> {
    let deadline = Instant::now() + limit;
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            return Err(format!("workerd exited early ({status})"));
        }
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(60)));
            let request =
                format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
            stream
                .write_all(request.as_bytes())
                .map_err(|e| e.to_string())?;
            let mut response = String::new();
            stream
                .read_to_string(&mut response)
                .map_err(|e| format!("reading workerd's response: {e}"))?;
            let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
            if !head.starts_with("HTTP/1.1 200") {
                return Err(format!("workerd answered:\n{response}"));
            }
            return Ok(body.to_string());
        }
        if Instant::now() >= deadline {
            return Err(format!(
                "workerd did not listen on 127.0.0.1:{port} within {}s",
                limit.as_secs()
            ));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}
