//! Arithmetic kernels: int operations (growing into big ints; floor division and
//! modulo follow the divisor's sign), float operations with CPython's error
//! messages, and correctly rounded int true division.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::bytecode::BinOp;
use crate::object::{Int, Value};
use crate::vm::{PyResult, Vm};

use super::ops::op_symbol;

/// Key of `sys.set_int_max_str_digits()`'s value in the interpreter's native state.
pub(crate) const INT_MAX_STR_DIGITS: &str = "sys.int_max_str_digits";

impl Vm {
    /// The limit on decimal digits of int/str conversions (0: none).
    pub fn int_max_str_digits(&self) -> usize {
        match self.ctx.native.borrow().get(INT_MAX_STR_DIGITS) {
            Some(Value::Int(n)) => *n as usize,
            _ => 4300,
        }
    }

    /// The decimal digits of a big magnitude, subject to the int/str limit.
    pub fn big_decimal(&mut self, mag: &num_bigint::BigUint) -> PyResult<String> {
        let limit = self.int_max_str_digits();
        // 2**k has at most k*log10(2)+1 digits: small numbers skip the check
        if limit > 0 && mag.bits() as f64 * std::f64::consts::LOG10_2 >= limit as f64 {
            let s = mag.to_str_radix(10);
            if s.len() > limit {
                return Err(self.value_error(format!(
                    "Exceeds the limit ({limit} digits) for integer string conversion; \
                     use sys.set_int_max_str_digits() to increase the limit"
                )));
            }
            return Ok(s);
        }
        Ok(mag.to_str_radix(10))
    }

    /// `str()` of a big int (with the int/str digit limit).
    pub fn big_str(&mut self, b: &BigInt) -> PyResult<String> {
        let digits = self.big_decimal(b.magnitude())?;
        Ok(if b.is_negative() {
            format!("-{digits}")
        } else {
            digits
        })
    }

    pub(crate) fn int_op(&mut self, op: BinOp, x: Int<'_>, y: Int<'_>) -> PyResult<Value> {
        if let (Int::Small(a), Int::Small(b)) = (x, y) {
            let r = match op {
                BinOp::Add => a.checked_add(b),
                BinOp::Sub => a.checked_sub(b),
                BinOp::Mul => a.checked_mul(b),
                BinOp::FloorDiv => {
                    if b == 0 {
                        return Err(self.zero_division_error("integer division or modulo by zero"));
                    }
                    a.checked_div(b).map(|q| {
                        if (a % b != 0) && ((a < 0) != (b < 0)) {
                            q - 1
                        } else {
                            q
                        }
                    })
                }
                BinOp::Mod => {
                    if b == 0 {
                        return Err(self.zero_division_error("integer modulo by zero"));
                    }
                    a.checked_rem(b).map(|r| {
                        if r != 0 && ((r < 0) != (b < 0)) {
                            r + b
                        } else {
                            r
                        }
                    })
                }
                BinOp::TrueDiv => {
                    if b == 0 {
                        return Err(self.zero_division_error("division by zero"));
                    }
                    if a.unsigned_abs() < (1 << 53) && b.unsigned_abs() < (1 << 53) {
                        return Ok(Value::Float(a as f64 / b as f64));
                    }
                    let r = big_true_div(&BigInt::from(a), &BigInt::from(b));
                    return match r {
                        Some(f) => Ok(Value::Float(f)),
                        None => {
                            Err(self
                                .overflow_error("integer division result too large for a float"))
                        }
                    };
                }
                BinOp::Pow => {
                    if b < 0 {
                        if a == 0 {
                            return Err(self
                                .zero_division_error("0.0 cannot be raised to a negative power"));
                        }
                        return Ok(Value::Float((a as f64).powf(b as f64)));
                    }
                    u32::try_from(b).ok().and_then(|e| a.checked_pow(e))
                }
                BinOp::LShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    if a == 0 {
                        Some(0)
                    } else if b < 63 {
                        a.checked_shl(b as u32).filter(|r| r >> b == a)
                    } else {
                        None
                    }
                }
                BinOp::RShift => {
                    if b < 0 {
                        return Err(self.value_error("negative shift count"));
                    }
                    Some(if b >= 64 {
                        if a < 0 { -1 } else { 0 }
                    } else {
                        a >> b
                    })
                }
                BinOp::And => Some(a & b),
                BinOp::Or => Some(a | b),
                BinOp::Xor => Some(a ^ b),
                BinOp::MatMul => {
                    return Err(
                        self.type_error("unsupported operand type(s) for @: 'int' and 'int'")
                    );
                }
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
        }
        let (a, b) = (x.to_big(), y.to_big());
        Ok(match op {
            BinOp::Add => Value::from_big(a + b),
            BinOp::Sub => Value::from_big(a - b),
            BinOp::Mul => Value::from_big(a * b),
            BinOp::FloorDiv => {
                if b.is_zero() {
                    return Err(self.zero_division_error("integer division or modulo by zero"));
                }
                Value::from_big(a.div_floor(&b))
            }
            BinOp::Mod => {
                if b.is_zero() {
                    return Err(self.zero_division_error("integer modulo by zero"));
                }
                Value::from_big(a.mod_floor(&b))
            }
            BinOp::TrueDiv => {
                if b.is_zero() {
                    return Err(self.zero_division_error("division by zero"));
                }
                match big_true_div(&a, &b) {
                    Some(f) => Value::Float(f),
                    None => {
                        return Err(
                            self.overflow_error("integer division result too large for a float")
                        );
                    }
                }
            }
            BinOp::Pow => {
                if b.is_negative() {
                    if a.is_zero() {
                        return Err(
                            self.zero_division_error("0.0 cannot be raised to a negative power")
                        );
                    }
                    let (Some(x), Some(y)) = (a.to_f64(), b.to_f64()) else {
                        return Err(self.overflow_error("int too large to convert to float"));
                    };
                    return self.float_op(BinOp::Pow, x, y);
                }
                if a.is_zero() || a == BigInt::from(1) {
                    return Ok(Value::from_big(a));
                }
                if a == BigInt::from(-1) {
                    return Ok(Value::Int(if b.is_even() { 1 } else { -1 }));
                }
                let Some(e) = b.to_u32() else {
                    return Err(self.overflow_error("exponent too large"));
                };
                Value::from_big(num_traits::pow::Pow::pow(a, e))
            }
            BinOp::LShift => {
                let Some(s) = b.to_usize() else {
                    return Err(self.overflow_error("too many digits in integer"));
                };
                if !a.is_zero() {
                    self.check_room(s.checked_div(8).map(|n| n + a.bits() as usize / 8 + 8))?;
                }
                Value::from_big(a << s)
            }
            BinOp::RShift => {
                let s = b.to_usize().unwrap_or(usize::MAX);
                let r = if s > a.bits() as usize + 1 {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                } else {
                    a.div_floor(&(BigInt::from(1) << s))
                };
                Value::from_big(r)
            }
            BinOp::And => Value::from_big(a & b),
            BinOp::Or => Value::from_big(a | b),
            BinOp::Xor => Value::from_big(a ^ b),
            BinOp::MatMul => {
                return Err(self.type_error("unsupported operand type(s) for @: 'int' and 'int'"));
            }
        })
    }

    pub(crate) fn float_op(&mut self, op: BinOp, a: f64, b: f64) -> PyResult<Value> {
        Ok(Value::Float(match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => a * b,
            BinOp::TrueDiv => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float division by zero"));
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float floor division by zero"));
                }
                float_divmod(a, b).0
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return Err(self.zero_division_error("float modulo"));
                }
                float_divmod(a, b).1
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return Err(
                        self.zero_division_error("0.0 cannot be raised to a negative power")
                    );
                }
                if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
                    return Err(self.value_error(
                        "negative number cannot be raised to a fractional power (complex results are not supported)",
                    ));
                }
                let r = a.powf(b);
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    return Err(self.overflow_error("(34, 'Numerical result out of range')"));
                }
                r
            }
            _ => {
                return Err(self.type_error(format!(
                    "unsupported operand type(s) for {}: 'float' and 'float'",
                    op_symbol(op)
                )));
            }
        }))
    }
}

/// Python's float `divmod`: floor quotient and a remainder with the divisor's sign.
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 { f + 1.0 } else { f }
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `a / b` for ints, correctly rounded (None when the result overflows a float).
pub fn big_true_div(a: &BigInt, b: &BigInt) -> Option<f64> {
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    if a.is_zero() {
        return Some(if neg { -0.0 } else { 0.0 });
    }
    // scale so that the quotient has 55 or 56 significant bits
    let shift: i64 = 55 - (a.bits() as i64 - b.bits() as i64);
    let (num, den) = if shift >= 0 {
        (a << (shift as usize), b)
    } else {
        (a, b << ((-shift) as usize))
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q.to_u64()?;
    if !r.is_zero() {
        q |= 1; // sticky bit: rounds correctly when converted
    }
    let f = ldexp(q as f64, -shift);
    if f.is_infinite() {
        return None;
    }
    Some(if neg { -f } else { f })
}

/// `x * 2**e` without intermediate overflow.
pub fn ldexp(x: f64, e: i64) -> f64 {
    let e = e.clamp(-2200, 2200) as i32;
    let h = e / 2;
    x * 2f64.powi(h) * 2f64.powi(e - h)
}

impl Vm {
    /// `items * n` for lists and tuples; `MemoryError` when it can't fit.
    pub(crate) fn repeat(&self, items: &[Value], n: usize) -> PyResult<Vec<Value>> {
        let mut out = match items.len().checked_mul(n) {
            Some(t) => self.vec_with_room(t)?,
            None => return Err(self.memory_error("")),
        };
        for _ in 0..n {
            out.extend_from_slice(items);
        }
        Ok(out)
    }
}
