//! Conservative constant folding: literals, tuples of constants, unary minus/plus/invert
//! of numbers, and exact, small arithmetic between int and float constants.

use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::bytecode::Const;
use crate::syntax::ast::{self, Expr, Number, Operator, UnaryOp};

/// Parses an integer literal's token text (`0x_ff`, `1_000`, ...).
pub fn parse_int_token(token: &str) -> Option<BigInt> {
    let t: String = token.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::parse_bytes(digits.as_bytes(), radix)
}

/// An int constant from a big integer: `Int` when it fits in i64.
pub fn int_const(b: BigInt) -> Const {
    match b.to_i64() {
        Some(i) => Const::Int(i),
        None => Const::BigInt(Arc::new(b)),
    }
}

/// The constant of a literal expression, if it is one.
pub fn literal(e: &Expr) -> Option<Const> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            Number::Int(i) => match i.as_i64() {
                Some(v) => Const::Int(v),
                None => int_const(parse_int_token(&i.to_string())?),
            },
            Number::Float(f) => Const::Float(*f),
            Number::Complex { real, imag } => {
                if *real != 0.0 {
                    return None;
                }
                Const::Imag(*imag)
            }
        },
        Expr::StringLiteral(s) => Const::Str(s.value.to_str().into()),
        Expr::BytesLiteral(b) => Const::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
        Expr::BooleanLiteral(b) => Const::Bool(b.value),
        Expr::NoneLiteral(_) => Const::None,
        Expr::EllipsisLiteral(_) => Const::Ellipsis,
        _ => return None,
    })
}

/// Folds `e` to a constant if it is a literal or a foldable operation on constants.
pub fn fold(e: &Expr) -> Option<Const> {
    if let Some(c) = literal(e) {
        return Some(c);
    }
    match e {
        Expr::Tuple(t) if t.ctx == ast::ExprContext::Load => {
            let items: Option<Vec<Const>> = t.elts.iter().map(fold).collect();
            Some(Const::Tuple(items?.into()))
        }
        Expr::UnaryOp(u) => {
            let v = fold(&u.operand)?;
            fold_unary(u.op, &v)
        }
        Expr::BinOp(b) => {
            let l = fold(&b.left)?;
            let r = fold(&b.right)?;
            fold_binary(b.op, &l, &r)
        }
        _ => None,
    }
}

fn fold_unary(op: UnaryOp, v: &Const) -> Option<Const> {
    match (op, v) {
        (UnaryOp::USub, Const::Int(i)) => Some(match i.checked_neg() {
            Some(n) => Const::Int(n),
            None => int_const(-BigInt::from(*i)),
        }),
        (UnaryOp::USub, Const::BigInt(b)) => Some(int_const(-(**b).clone())),
        (UnaryOp::USub, Const::Float(f)) => Some(Const::Float(-f)),
        (UnaryOp::UAdd, Const::Int(_) | Const::BigInt(_) | Const::Float(_)) => Some(v.clone()),
        (UnaryOp::Invert, Const::Int(i)) => Some(Const::Int(!i)),
        _ => None,
    }
}

/// Exactly representable as f64 (|i| <= 2**53).
fn exact_float(i: i64) -> Option<f64> {
    if i.unsigned_abs() <= (1u64 << 53) {
        Some(i as f64)
    } else {
        None
    }
}

fn fold_binary(op: Operator, l: &Const, r: &Const) -> Option<Const> {
    match (l, r) {
        (Const::Int(a), Const::Int(b)) => fold_int(op, *a, *b),
        (Const::Float(a), Const::Float(b)) => fold_float(op, *a, *b),
        (Const::Int(a), Const::Float(b)) => fold_float(op, exact_float(*a)?, *b),
        (Const::Float(a), Const::Int(b)) => fold_float(op, *a, exact_float(*b)?),
        (Const::BigInt(_), _) | (_, Const::BigInt(_)) => None,
        _ => None,
    }
}

fn fold_int(op: Operator, a: i64, b: i64) -> Option<Const> {
    let v = match op {
        Operator::Add => a.checked_add(b)?,
        Operator::Sub => a.checked_sub(b)?,
        Operator::Mult => a.checked_mul(b)?,
        Operator::FloorDiv => {
            if b == 0 {
                return None;
            }
            let q = a.checked_div(b)?;
            if (a % b != 0) && ((a < 0) != (b < 0)) {
                q - 1
            } else {
                q
            }
        }
        Operator::Mod => {
            if b == 0 {
                return None;
            }
            let m = a.checked_rem(b)?;
            if m != 0 && ((m < 0) != (b < 0)) {
                m + b
            } else {
                m
            }
        }
        Operator::Pow => {
            if !(0..=128).contains(&b) {
                return None;
            }
            a.checked_pow(b as u32)?
        }
        Operator::LShift => {
            if !(0..63).contains(&b) {
                return None;
            }
            let r = a.checked_shl(b as u32)?;
            if (r >> b) != a {
                return None;
            }
            r
        }
        Operator::RShift => {
            if b < 0 {
                return None;
            }
            a >> b.min(63)
        }
        Operator::BitAnd => a & b,
        Operator::BitOr => a | b,
        Operator::BitXor => a ^ b,
        Operator::Div => {
            if b == 0 {
                return None;
            }
            return Some(Const::Float(exact_float(a)? / exact_float(b)?));
        }
        Operator::MatMult => return None,
    };
    Some(Const::Int(v))
}

fn fold_float(op: Operator, a: f64, b: f64) -> Option<Const> {
    let v = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => {
            if b == 0.0 {
                return None;
            }
            a / b
        }
        _ => return None,
    };
    if !v.is_finite() {
        return None;
    }
    Some(Const::Float(v))
}

/// Truthiness of a constant, for `if`/`while` on literals.
pub fn truthy(c: &Const) -> Option<bool> {
    Some(match c {
        Const::None => false,
        Const::Ellipsis => true,
        Const::Bool(b) => *b,
        Const::Int(i) => *i != 0,
        Const::BigInt(b) => !b.is_zero_big(),
        Const::Float(f) => *f != 0.0,
        Const::Imag(f) => *f != 0.0,
        Const::Str(s) => !s.is_empty(),
        Const::Bytes(b) => !b.is_empty(),
        Const::Tuple(t) | Const::FrozenSet(t) => !t.is_empty(),
        Const::Code(_) => return None,
    })
}

trait IsZero {
    fn is_zero_big(&self) -> bool;
}

impl IsZero for BigInt {
    fn is_zero_big(&self) -> bool {
        !self.is_positive() && !self.is_negative()
    }
}
