//! Arguments of a call into a built-in: a slice of values whose last `kwnames.len()`
//! entries are keyword arguments.

use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// The arguments of a call (no copy: a view of the caller's stack).
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub all: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    /// Positional arguments only.
    pub fn new(pos: &'a [Value]) -> Args<'a> {
        Args {
            all: pos,
            kwnames: &[],
        }
    }

    /// Positional arguments.
    #[inline]
    pub fn pos(&self) -> &'a [Value] {
        &self.all[..self.all.len() - self.kwnames.len()]
    }

    /// Keyword arguments as (name, value).
    pub fn kw(&self) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        let vals = &self.all[self.all.len() - self.kwnames.len()..];
        self.kwnames
            .iter()
            .map(|k| k.as_str().unwrap_or(""))
            .zip(vals.iter())
    }

    /// The keyword argument `name`, if given.
    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.kw().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    /// Positional argument `i` or keyword `name` (None if neither).
    pub fn get(&self, i: usize, name: &str) -> Option<&'a Value> {
        self.pos().get(i).or_else(|| self.kwarg(name))
    }

    /// Checks positional count is within `min..=max` and no unexpected keywords.
    pub fn check(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let pos = self.pos();
        if let Some((k, _)) = self.kw().next() {
            return Err(vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            )));
        }
        if pos.len() < min || pos.len() > max {
            let msg = if min == max {
                format!(
                    "{fname}() takes exactly {min} argument{} ({} given)",
                    if min == 1 { "" } else { "s" },
                    pos.len()
                )
            } else if pos.len() < min {
                format!(
                    "{fname}() takes at least {min} argument{} ({} given)",
                    if min == 1 { "" } else { "s" },
                    pos.len()
                )
            } else {
                format!(
                    "{fname}() takes at most {max} argument{} ({} given)",
                    if max == 1 { "" } else { "s" },
                    pos.len()
                )
            };
            return Err(vm.type_error(msg));
        }
        Ok(pos)
    }
}
