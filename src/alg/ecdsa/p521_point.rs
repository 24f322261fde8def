//! P-521 points for the variable-time verification path (see [`super::point`]).

use super::p521_field::Fe;

super::point::curve_points!(Fe, 17);
