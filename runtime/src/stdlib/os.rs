//! A minimal `os` module (`cpu_count`, `getpid`, `environ`, `getenv`, `getcwd`,
//! `sep` ...) and `os.path` (`join`, `exists`, `isfile`, `isdir`, `dirname`,
//! `basename`, `split`, `splitext`, `abspath`) with POSIX semantics.

use std::rc::Rc;

use crate::object::{Module, PyDict, Value};
use crate::vm::{Args, PyResult, Vm};

use super::{add_funcs, new_module};

/// Creates `os` (and `os.path`, registered as its attribute and in `sys.modules`).
pub fn init(vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("os");
    let d = &m.dict;
    d.set_str("name", Value::str("posix"));
    d.set_str("sep", Value::str("/"));
    d.set_str("altsep", Value::None);
    d.set_str("extsep", Value::str("."));
    d.set_str("pathsep", Value::str(":"));
    d.set_str("linesep", Value::str("\n"));
    d.set_str("curdir", Value::str("."));
    d.set_str("pardir", Value::str(".."));
    d.set_str("devnull", Value::str("/dev/null"));
    let environ = Rc::new(PyDict::new());
    for (k, v) in std::env::vars() {
        environ.set_str(&k, Value::string(v));
    }
    d.set_str("environ", Value::Dict(environ));
    add_funcs(
        d,
        &[
            ("cpu_count", cpu_count),
            ("getpid", getpid),
            ("getcwd", getcwd),
            ("getenv", getenv),
        ],
    );
    let path = match vm.ctx.modules.get_str("os.path") {
        Some(p) => p,
        None => {
            let p = Value::Module(init_path(vm)?);
            vm.ctx.modules.set_str("os.path", p.clone());
            p
        }
    };
    d.set_str("path", path);
    Ok(m)
}

/// Creates `os.path` (`posixpath`).
pub fn init_path(_vm: &mut Vm) -> PyResult<Rc<Module>> {
    let m = new_module("posixpath");
    m.dict.set_str("sep", Value::str("/"));
    add_funcs(
        &m.dict,
        &[
            ("join", join),
            ("exists", exists),
            ("isfile", isfile),
            ("isdir", isdir),
            ("dirname", dirname),
            ("basename", basename),
            ("split", split),
            ("splitext", splitext),
            ("abspath", abspath),
            ("isabs", isabs),
        ],
    );
    Ok(m)
}

fn cpu_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "cpu_count", 0, 0)?;
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

fn getpid(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "getpid", 0, 0)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn getcwd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "getcwd", 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(Value::string(p.display().to_string())),
        Err(e) => Err(vm.os_error(e.to_string())),
    }
}

fn getenv(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "getenv", 1, 2)?;
    let key = vm.arg_str(&a[0], "str expected")?;
    Ok(match std::env::var(key.as_str()) {
        Ok(v) => Value::string(v),
        Err(_) => a.get(1).cloned().unwrap_or(Value::None),
    })
}

fn path_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        other => Err(vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(other)
        ))),
    }
}

/// POSIX `join`: an absolute component restarts the path.
fn join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "join", 1, usize::MAX)?;
    let mut out = path_arg(vm, &a[0])?;
    for p in &a[1..] {
        let p = path_arg(vm, p)?;
        if p.starts_with('/') {
            out = p;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&p);
        } else {
            out.push('/');
            out.push_str(&p);
        }
    }
    Ok(Value::string(out))
}

fn exists(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "exists", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    Ok(Value::Bool(std::path::Path::new(&p).exists()))
}

fn isfile(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "isfile", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    Ok(Value::Bool(std::path::Path::new(&p).is_file()))
}

fn isdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "isdir", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    Ok(Value::Bool(std::path::Path::new(&p).is_dir()))
}

fn isabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "isabs", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    Ok(Value::Bool(p.starts_with('/')))
}

/// (head, tail) as `posixpath.split`: tail is after the last '/', head keeps a
/// leading run of slashes but drops trailing ones.
fn split_parts(p: &str) -> (String, String) {
    let i = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let (head, tail) = p.split_at(i);
    let trimmed = head.trim_end_matches('/');
    let head = if trimmed.is_empty() { head } else { trimmed };
    (head.to_owned(), tail.to_owned())
}

fn dirname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "dirname", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    Ok(Value::string(split_parts(&p).0))
}

fn basename(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "basename", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    Ok(Value::string(split_parts(&p).1))
}

fn split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "split", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    let (h, t) = split_parts(&p);
    Ok(Value::tuple_of([Value::string(h), Value::string(t)]))
}

fn splitext(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "splitext", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    let name_start = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let name = &p[name_start..];
    let lead = name.len() - name.trim_start_matches('.').len();
    let (root, ext) = match name[lead..].rfind('.') {
        Some(i) => p.split_at(name_start + lead + i),
        None => (p.as_str(), ""),
    };
    Ok(Value::tuple_of([Value::str(root), Value::str(ext)]))
}

/// `abspath`: joined with the current directory and normalized.
fn abspath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "abspath", 1, 1)?;
    let p = path_arg(vm, &a[0])?;
    let full = if p.starts_with('/') {
        p
    } else {
        let cwd = std::env::current_dir()
            .map(|d| d.display().to_string())
            .unwrap_or_else(|_| "/".into());
        format!("{cwd}/{p}")
    };
    let mut parts: Vec<&str> = Vec::new();
    for c in full.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    Ok(Value::string(format!("/{}", parts.join("/"))))
}

#[cfg(test)]
mod tests {
    use super::split_parts;

    #[test]
    fn split_like_posixpath() {
        assert_eq!(split_parts("/a/b/c.txt"), ("/a/b".into(), "c.txt".into()));
        assert_eq!(split_parts("c.txt"), ("".into(), "c.txt".into()));
        assert_eq!(split_parts("/c"), ("/".into(), "c".into()));
        assert_eq!(split_parts("a/b/"), ("a/b".into(), "".into()));
    }
}
