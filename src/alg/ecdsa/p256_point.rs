//! P-256 points for the variable-time verification path (see [`super::point`]).

use super::p256_field::Fe;

super::point::curve_points!(Fe, 8);
