//! The registry of the standard-library modules beyond the core ones: native modules
//! (Rust, one file each) and modules written in Python (embedded from `py/`).

use crate::interp::ModuleInit;

/// The constructor of native module `name`, if it is one of these.
pub(crate) fn native_init(name: &str) -> Option<ModuleInit> {
    Some(match name {
        "math" => super::math::init,
        "random" => super::random::init,
        "_heapq" => super::heapq::init,
        "bisect" => super::bisect::init,
        "itertools" => super::itertools::init,
        "_operator" => super::operator::init,
        "_struct" => super::struct_::init,
        "_functools" => super::functools::init,
        "array" => super::array::init,
        "_collections" => super::deque::init,
        "_interpreters" => super::interpreters::init,
        "_interpqueues" => super::interpqueues::init,
        "_traceback" => super::traceback_native::init,
        _ => return None,
    })
}

/// Python-source standard-library modules: (name, source).
pub(crate) const PY_SOURCES: &[(&str, &str)] = &[
    ("heapq", include_str!("py/heapq.py")),
    ("collections", include_str!("py/collections.py")),
    ("keyword", include_str!("py/keyword.py")),
    ("operator", include_str!("py/operator.py")),
    ("functools", include_str!("py/functools.py")),
    ("string", include_str!("py/string.py")),
    ("copy", include_str!("py/copy.py")),
    ("traceback", include_str!("py/traceback.py")),
    ("linecache", include_str!("py/linecache.py")),
    ("types", include_str!("py/types.py")),
    ("contextlib", include_str!("py/contextlib.py")),
    ("io", include_str!("py/io.py")),
    ("abc", include_str!("py/abc.py")),
    ("typing", include_str!("py/typing.py")),
    ("dataclasses", include_str!("py/dataclasses.py")),
    ("numbers", include_str!("py/numbers.py")),
    ("fractions", include_str!("py/fractions.py")),
    ("enum", include_str!("py/enum.py")),
    ("struct", include_str!("py/struct.py")),
    ("_collections_abc", include_str!("py/_collections_abc.py")),
    ("_collections_user", include_str!("py/_collections_user.py")),
    (
        "collections.abc",
        "from _collections_abc import *\nfrom _collections_abc import __all__\n",
    ),
];
