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
    /// messages for built-in functions. The check itself is two comparisons; the
    /// messages are only built on failure.
    #[inline]
    pub fn check(&self, vm: &mut Vm, fname: &str, min: usize, max: usize) -> PyResult<&'a [Value]> {
        let n = self.all.len();
        if self.kwnames.is_empty() && n >= min && n <= max {
            return Ok(self.all);
        }
        Err(self.check_failed(vm, fname, fname, min, max, false))
    }

    /// As [`check`](Self::check) for a method whose first argument is `self`: counts
    /// include `self`, messages don't (`list.append() takes exactly one argument (0
    /// given)`).
    #[inline]
    pub fn check_method(
        &self,
        vm: &mut Vm,
        qualname: &str,
        min: usize,
        max: usize,
    ) -> PyResult<&'a [Value]> {
        let n = self.all.len();
        if self.kwnames.is_empty() && n >= min && n <= max {
            return Ok(self.all);
        }
        let short = qualname.rsplit('.').next().unwrap_or(qualname);
        Err(self.check_failed(vm, qualname, short, min, max, true))
    }

    /// The `TypeError` for a failed [`check`](Self::check) or
    /// [`check_method`](Self::check_method) (kept out of line: it formats).
    #[cold]
    #[inline(never)]
    fn check_failed(
        &self,
        vm: &mut Vm,
        qualname: &str,
        short: &str,
        min: usize,
        max: usize,
        method: bool,
    ) -> crate::vm::PyErr {
        if !self.kwnames.is_empty() {
            return vm.type_error(format!("{qualname}() takes no keyword arguments"));
        }
        let given = self.all.len();
        if method {
            vm.type_error(arg_count_message(
                qualname,
                short,
                min.saturating_sub(1),
                max.saturating_sub(1),
                given.saturating_sub(1),
            ))
        } else {
            vm.type_error(arg_count_message(qualname, short, min, max, given))
        }
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
