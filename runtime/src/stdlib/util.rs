//! Helpers for built-in functions: argument conversion.

use crate::object::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// An int argument as i64.
    pub fn arg_i64(&mut self, v: &Value, what: &str) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::BoolW(b) => Ok(b.get() as i64),
            Value::BigInt(_) => {
                Err(self.overflow_error("Python int too large to convert to C long"))
            }
            Value::Instance(i) if i.class.lookup("__index__").is_some() => {
                let r = self.call_method(v, "__index__", &[])?;
                self.arg_i64(&r, what)
            }
            other => Err(self.type_error(format!(
                "{what}'{}' object cannot be interpreted as an integer",
                self.type_name(other)
            ))),
        }
    }

    /// A number argument as f64.
    pub fn arg_f64(&mut self, v: &Value) -> PyResult<f64> {
        match v {
            Value::FloatW(f) => Ok(f.get()),
            Value::Int(i) => Ok(*i as f64),
            Value::BoolW(b) => Ok(b.get() as i64 as f64),
            Value::BigInt(b) => num_traits::ToPrimitive::to_f64(&**b)
                .filter(|f| f.is_finite())
                .ok_or_else(|| self.overflow_error("int too large to convert to float")),
            Value::Instance(i) if i.class.lookup("__float__").is_some() => {
                let r = self.call_method(v, "__float__", &[])?;
                self.arg_f64(&r)
            }
            other => Err(self.type_error(format!(
                "must be real number, not {}",
                self.type_name(other)
            ))),
        }
    }

    /// A str argument.
    pub fn arg_str(
        &mut self,
        v: &Value,
        what: &str,
    ) -> PyResult<std::rc::Rc<crate::object::PyStr>> {
        match v {
            Value::Str(s) => Ok(s.clone()),
            other => {
                Err(self.type_error(format!("{what} must be str, not {}", self.type_name(other))))
            }
        }
    }

    /// A builtin by name.
    pub fn builtin(&mut self, name: &str) -> PyResult<Value> {
        match self.ctx.builtins.get_str(name) {
            Some(v) => Ok(v),
            None => Err(self.name_error(format!("name '{name}' is not defined"))),
        }
    }
}
