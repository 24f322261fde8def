//! secp256k1 points for the variable-time verification path (see
//! [`super::point`]).

use super::k256_field::Fe;

super::point::curve_points!(Fe, 8, a_zero);
