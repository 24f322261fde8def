//! P-384 points for the variable-time verification path (see [`super::point`]).

use super::p384_field::Fe;

super::point::curve_points!(Fe, 12);
