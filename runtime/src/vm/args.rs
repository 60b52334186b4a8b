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

    /// Checks positional count is within `min..=max` and no keywords, with CPython's
    /// messages for built-in functions.
    pub fn check(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let pos = self.pos();
        if !self.kwnames.is_empty() {
            return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
        }
        if pos.len() < min || pos.len() > max {
            return Err(vm.type_error(arg_count_message(fname, fname, min, max, pos.len())));
        }
        Ok(pos)
    }

    /// As [`check`](Self::check) for a method whose first argument is `self`: counts
    /// include `self`, messages don't (`list.append() takes exactly one argument (0
    /// given)`).
    pub fn check_method(
        &self,
        vm: &mut Vm,
        qualname: &str,
        min: usize,
        max: usize,
    ) -> PyResult<&'a [Value]> {
        let pos = self.pos();
        let short = qualname.rsplit('.').next().unwrap_or(qualname);
        if !self.kwnames.is_empty() {
            return Err(vm.type_error(format!("{qualname}() takes no keyword arguments")));
        }
        if pos.len() < min || pos.len() > max {
            let given = pos.len().saturating_sub(1);
            return Err(vm.type_error(arg_count_message(
                qualname,
                short,
                min.saturating_sub(1),
                max.saturating_sub(1),
                given,
            )));
        }
        Ok(pos)
    }
}

/// CPython's messages for a wrong number of positional arguments.
pub fn arg_count_message(
    qualname: &str,
    short: &str,
    min: usize,
    max: usize,
    given: usize,
) -> String {
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if min == max {
        match min {
            0 => format!("{qualname}() takes no arguments ({given} given)"),
            1 => format!("{qualname}() takes exactly one argument ({given} given)"),
            n => format!("{short} expected {n} argument{}, got {given}", plural(n)),
        }
    } else if given < min {
        format!(
            "{short} expected at least {min} argument{}, got {given}",
            plural(min)
        )
    } else {
        format!(
            "{short} expected at most {max} argument{}, got {given}",
            plural(max)
        )
    }
}
