//! Streams: the standard streams (`sys.stdin`, `sys.stdout`, `sys.stderr`, each with
//! a binary `.buffer`), and file objects made by `open()` (text or binary, read,
//! write, append, exclusive and `+` modes, universal newlines when reading text).
//!
//! Blocking reads of stdin release the GIL.

use crate::object::BoolWord;
use std::cell::RefCell;
use std::fs::File;
use std::io::{BufRead, Read, Seek, SeekFrom, Write};
use std::rc::Rc;

use crate::object::{Native, PyType, Value};
use crate::vm::{Args, PyErr, PyResult, Vm};

use super::methods::base_of;

/// Writes text to the process's stdout, or to `sys.stdout` if a script replaced it.
pub fn write_stdout(vm: &mut Vm, s: &str) -> PyResult<()> {
    write_stream(vm, "stdout", s)
}

/// Writes to `sys.<name>` (stdout or stderr).
pub fn write_stream(vm: &mut Vm, name: &str, s: &str) -> PyResult<()> {
    if let Some(Value::Module(sys)) = vm.ctx.modules.get_str("sys")
        && let Some(stream) = sys.dict.get_str(name)
    {
        if let Value::Native(n) = &stream
            && let Some(std) = n.get::<StdStream>()
        {
            // the real stdout/stderr, possibly swapped (`sys.stderr = sys.stdout`)
            raw_write(std.stderr, s);
            return Ok(());
        }
        vm.call_method(&stream, "write", &[Value::str(s)])?;
        return Ok(());
    }
    raw_write(name == "stderr", s);
    Ok(())
}

/// `sys.stdout` when a script replaced it with its own object.
pub fn replaced_stdout(vm: &mut Vm) -> Option<Value> {
    if let Some(Value::Module(sys)) = vm.ctx.modules.get_str("sys")
        && let Some(stream) = sys.dict.get_str("stdout")
        && !matches!(&stream, Value::Native(n) if n.get::<StdStream>().is_some())
    {
        return Some(stream);
    }
    None
}

/// Flushes `sys.stdout`.
pub fn flush_stdout(vm: &mut Vm) -> PyResult<()> {
    flush_stream(vm, "stdout")
}

/// Flushes `sys.<name>` (stdout or stderr).
pub fn flush_stream(vm: &mut Vm, name: &str) -> PyResult<()> {
    if let Some(Value::Module(sys)) = vm.ctx.modules.get_str("sys")
        && let Some(stream) = sys.dict.get_str(name)
    {
        if let Value::Native(n) = &stream
            && let Some(std) = n.get::<StdStream>()
        {
            if !std.stderr {
                let _ = std::io::stdout().lock().flush();
            }
            return Ok(());
        }
        if vm.get_attr_opt(&stream, "flush")?.is_some() {
            vm.call_method(&stream, "flush", &[])?;
        }
        return Ok(());
    }
    if name == "stdout" {
        let _ = std::io::stdout().lock().flush();
    }
    Ok(())
}

/// Writes to the real stdout/stderr, ignoring a closed pipe.
pub fn raw_write(stderr: bool, s: &str) {
    raw_write_bytes(stderr, s.as_bytes());
}

fn raw_write_bytes(stderr: bool, b: &[u8]) {
    if stderr {
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(b);
        let _ = e.flush();
    } else {
        let mut o = std::io::stdout().lock();
        let _ = o.write_all(b);
    }
}

/// The object behind `sys.stdout`/`sys.stderr` (and, with `stdin`, `sys.stdin`).
pub struct StdStream {
    pub stderr: bool,
    pub stdin: bool,
}

/// The object behind `sys.std*.buffer`.
pub struct StdBuffer {
    /// 0 stdin, 1 stdout, 2 stderr.
    pub which: u8,
}

/// Reads one line from the process's stdin (with its newline), releasing the GIL;
/// None at end of input.
pub fn stdin_readline(vm: &mut Vm) -> PyResult<Option<String>> {
    // interruptible by KeyboardInterrupt (see `stdin_line`)
    let r = super::stdin_line::read_line(vm)?;
    match r {
        Ok(b) if b.is_empty() => Ok(None),
        Ok(b) => Ok(Some(String::from_utf8_lossy(&b).into_owned())),
        Err(e) => Err(vm.os_error(e.to_string())),
    }
}

fn stdin_read_all(vm: &mut Vm) -> PyResult<Vec<u8>> {
    let r = vm.allow_threads(|| {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf).map(|_| buf)
    });
    r.map_err(|e| vm.os_error(e.to_string()))
}

fn stdin_read_n(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    let r = vm.allow_threads(move || {
        let mut buf = vec![0u8; n];
        let mut got = 0;
        let mut lock = std::io::stdin().lock();
        while got < n {
            match lock.read(&mut buf[got..]) {
                Ok(0) => break,
                Ok(k) => got += k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        buf.truncate(got);
        Ok(buf)
    });
    r.map_err(|e| vm.os_error(e.to_string()))
}

fn std_of(vm: &mut Vm, v: &Value) -> PyResult<(bool, bool)> {
    match v {
        Value::Native(n) => match n.get::<StdStream>() {
            Some(s) => Ok((s.stdin, s.stderr)),
            None => Err(vm.type_error("not a stream")),
        },
        _ => Err(vm.type_error("not a stream")),
    }
}

/// `stream.write(s)`
pub fn stream_write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "write", 2, 2)?;
    let (stdin, err) = std_of(vm, &a[0])?;
    if stdin {
        return Err(unsupported(vm, "not writable"));
    }
    let s = match base_of(&a[1]) {
        Value::Str(s) => s.clone(),
        other => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(other)
            )));
        }
    };
    raw_write(err, s.as_str());
    Ok(Value::Int(s.char_len() as i64))
}

/// `stream.flush()`
pub fn stream_flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "flush", 1, 1)?;
    let (_, err) = std_of(vm, &a[0])?;
    if !err {
        let _ = std::io::stdout().lock().flush();
    }
    Ok(Value::None)
}

fn stream_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "writelines", 2, 2)?;
    for line in vm.collect(&a[1])? {
        vm.call_method(&a[0], "write", &[line])?;
    }
    Ok(Value::None)
}

fn stream_readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "readline", 1, 2)?;
    let (stdin, _) = std_of(vm, &a[0])?;
    if !stdin {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(Value::string(stdin_readline(vm)?.unwrap_or_default()))
}

fn stream_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "readlines", 1, 2)?;
    let (stdin, _) = std_of(vm, &a[0])?;
    if !stdin {
        return Err(unsupported(vm, "not readable"));
    }
    let mut out = Vec::new();
    while let Some(l) = stdin_readline(vm)? {
        out.push(Value::string(l));
    }
    Ok(Value::list(out))
}

fn stream_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "read", 1, 2)?;
    let (stdin, _) = std_of(vm, &a[0])?;
    if !stdin {
        return Err(unsupported(vm, "not readable"));
    }
    let n = match a.get(1) {
        Some(Value::None) | None => -1,
        Some(v) => vm.arg_i64(v, "")?,
    };
    if n < 0 {
        let b = stdin_read_all(vm)?;
        return Ok(Value::string(String::from_utf8_lossy(&b).into_owned()));
    }
    // n characters: read bytes until n chars are decoded
    let mut out = String::new();
    let mut count = 0;
    while count < n {
        let first = stdin_read_n(vm, 1)?;
        let Some(&b0) = first.first() else { break };
        let len = utf8_len(b0);
        let mut bytes = first;
        if len > 1 {
            bytes.extend(stdin_read_n(vm, len - 1)?);
        }
        out.push_str(&String::from_utf8_lossy(&bytes));
        count += 1;
    }
    Ok(Value::string(out))
}

fn stream_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__next__", 1, 1)?;
    let (stdin, _) = std_of(vm, &a[0])?;
    if !stdin {
        return Err(unsupported(vm, "not readable"));
    }
    match stdin_readline(vm)? {
        Some(l) => Ok(Value::string(l)),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn self_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__iter__", 1, 1)?;
    Ok(a[0].clone())
}

fn stream_readable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "readable", 1, 1)?;
    let (stdin, _) = std_of(vm, &a[0])?;
    Ok(Value::Bool(stdin))
}

fn stream_writable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "writable", 1, 1)?;
    let (stdin, _) = std_of(vm, &a[0])?;
    Ok(Value::Bool(!stdin))
}

fn stream_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "fileno", 1, 1)?;
    let (stdin, err) = std_of(vm, &a[0])?;
    Ok(Value::Int(if stdin {
        0
    } else if err {
        2
    } else {
        1
    }))
}

fn false_(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.check(vm, "isatty", 1, 1)?;
    Ok(Value::BoolW(BoolWord::FALSE))
}

fn buf_of(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    match v {
        Value::Native(n) => match n.get::<StdBuffer>() {
            Some(b) => Ok(b.which),
            None => Err(vm.type_error("not a buffer")),
        },
        _ => Err(vm.type_error("not a buffer")),
    }
}

fn buffer_write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "write", 2, 2)?;
    let which = buf_of(vm, &a[0])?;
    if which == 0 {
        return Err(unsupported(vm, "write"));
    }
    let Some(b) = vm.bytes_like(&a[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&a[1])
        )));
    };
    raw_write_bytes(which == 2, &b);
    Ok(Value::Int(b.len() as i64))
}

fn buffer_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "read", 1, 2)?;
    let which = buf_of(vm, &a[0])?;
    if which != 0 {
        return Err(unsupported(vm, "read"));
    }
    let n = match a.get(1) {
        Some(Value::None) | None => -1,
        Some(v) => vm.arg_i64(v, "")?,
    };
    let b = if n < 0 {
        stdin_read_all(vm)?
    } else {
        stdin_read_n(vm, n as usize)?
    };
    Ok(Value::bytes(b))
}

fn buffer_readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "readline", 1, 2)?;
    let which = buf_of(vm, &a[0])?;
    if which != 0 {
        return Err(unsupported(vm, "readline"));
    }
    let r = vm.allow_threads(|| {
        let mut buf = Vec::new();
        std::io::stdin()
            .lock()
            .read_until(b'\n', &mut buf)
            .map(|_| buf)
    });
    match r {
        Ok(b) => Ok(Value::bytes(b)),
        Err(e) => Err(vm.os_error(e.to_string())),
    }
}

fn buffer_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let line = buffer_readline(vm, args)?;
    match &line {
        Value::Bytes(b) if b.0.is_empty() => Err(vm.stop_iteration(Value::None)),
        _ => Ok(line),
    }
}

fn buffer_flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "flush", 1, 1)?;
    let which = buf_of(vm, &a[0])?;
    if which == 1 {
        let _ = std::io::stdout().lock().flush();
    }
    Ok(Value::None)
}

/// Makes `sys.stdin`, `sys.stdout` and `sys.stderr`.
pub fn std_streams(vm: &mut Vm) -> [(String, Value); 3] {
    let text = super::native_class(vm, "TextIOWrapper", "_io");
    super::add_methods(
        &text,
        &[
            ("write", stream_write),
            ("writelines", stream_writelines),
            ("flush", stream_flush),
            ("read", stream_read),
            ("readline", stream_readline),
            ("readlines", stream_readlines),
            ("__iter__", self_),
            ("__next__", stream_next),
            ("fileno", stream_fileno),
            ("isatty", false_),
            ("readable", stream_readable),
            ("writable", stream_writable),
        ],
    );
    let buffered = super::native_class(vm, "BufferedWriter", "_io");
    super::add_methods(
        &buffered,
        &[
            ("write", buffer_write),
            ("read", buffer_read),
            ("readline", buffer_readline),
            ("flush", buffer_flush),
            ("__iter__", self_),
            ("__next__", buffer_next),
        ],
    );
    let mk = |which: u8| {
        let buf = Value::Native(Rc::new(Native {
            class: buffered.clone(),
            data: Box::new(StdBuffer { which }),
            dict: None,
        }));
        let d = Rc::new(crate::object::PyDict::new());
        d.set_str("buffer", buf);
        d.set_str("encoding", Value::str("utf-8"));
        d.set_str("errors", Value::str("strict"));
        d.set_str("closed", Value::BoolW(BoolWord::FALSE));
        d.set_str(
            "name",
            Value::str(["<stdin>", "<stdout>", "<stderr>"][which as usize]),
        );
        d.set_str("mode", Value::str(if which == 0 { "r" } else { "w" }));
        Value::Native(Rc::new(Native {
            class: text.clone(),
            data: Box::new(StdStream {
                stderr: which == 2,
                stdin: which == 0,
            }),
            dict: Some(d),
        }))
    };
    [
        ("stdin".to_owned(), mk(0)),
        ("stdout".to_owned(), mk(1)),
        ("stderr".to_owned(), mk(2)),
    ]
}

// ---- files --------------------------------------------------------------------------

/// The state of a file object made by `open()`.
pub struct FileObj(RefCell<FileState>);

struct FileState {
    file: Option<File>,
    name: Value,
    mode: String,
    binary: bool,
    readable: bool,
    writable: bool,
    append: bool,
    encoding: String,
    errors: String,
    /// Translate newlines on reading (`newline=None`).
    universal: bool,
    /// What `\n` becomes on writing (`newline='\r\n'` ...).
    write_nl: Option<String>,
    /// Bytes read ahead from the file.
    rbuf: Vec<u8>,
    rpos: usize,
}

impl FileState {
    fn unread(&self) -> usize {
        self.rbuf.len() - self.rpos
    }

    /// Fills the read buffer; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        let Some(f) = self.file.as_mut() else {
            return Ok(false);
        };
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let mut chunk = vec![0u8; 64 * 1024];
        let n = f.read(&mut chunk)?;
        self.rbuf.extend_from_slice(&chunk[..n]);
        Ok(n > 0)
    }

    fn peek_byte(&mut self) -> std::io::Result<Option<u8>> {
        if self.rpos >= self.rbuf.len() && !self.fill()? {
            return Ok(None);
        }
        Ok(self.rbuf.get(self.rpos).copied())
    }

    fn next_byte(&mut self) -> std::io::Result<Option<u8>> {
        let b = self.peek_byte()?;
        if b.is_some() {
            self.rpos += 1;
        }
        Ok(b)
    }

    fn read_all(&mut self) -> std::io::Result<Vec<u8>> {
        while self.fill()? {}
        let out = self.rbuf[self.rpos..].to_vec();
        self.rbuf.clear();
        self.rpos = 0;
        Ok(out)
    }

    /// Drops read-ahead bytes, moving the file position back to the logical one.
    fn discard_readahead(&mut self) -> std::io::Result<()> {
        let n = self.unread() as i64;
        if n > 0
            && let Some(f) = self.file.as_mut()
        {
            f.seek(SeekFrom::Current(-n))?;
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }
}

fn utf8_len(b0: u8) -> usize {
    match b0 {
        0xc0..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf7 => 4,
        _ => 1,
    }
}

/// The `io.UnsupportedOperation` exception (created once per interpreter).
fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let class = unsupported_class(vm);
    vm.new_exception(&class, msg)
}

fn unsupported_class(vm: &mut Vm) -> Rc<PyType> {
    if let Some(Value::Type(t)) = vm.ctx.native.borrow().get("io.UnsupportedOperation") {
        return t.clone();
    }
    let ns = Rc::new(crate::object::PyDict::new());
    ns.set_str("__module__", Value::str("io"));
    let bases = vec![
        vm.ctx.types.os_error.clone(),
        vm.ctx.types.value_error.clone(),
    ];
    let t = match vm.new_class("UnsupportedOperation", bases, ns) {
        Ok(t) => t,
        Err(_) => vm.ctx.types.os_error.clone(),
    };
    vm.ctx
        .native
        .borrow_mut()
        .insert("io.UnsupportedOperation", Value::Type(t.clone()));
    t
}

/// The `io.UnsupportedOperation` class.
pub fn unsupported_operation(vm: &mut Vm) -> Rc<PyType> {
    unsupported_class(vm)
}

/// An `OSError` subclass for an I/O error, as CPython raises it.
pub fn os_error_from(vm: &mut Vm, e: &std::io::Error, filename: Option<&Value>) -> PyErr {
    let errno = e.raw_os_error().unwrap_or(0);
    let t = &vm.ctx.types;
    let class = match e.kind() {
        std::io::ErrorKind::NotFound => t.file_not_found_error.clone(),
        std::io::ErrorKind::PermissionDenied => t.permission_error.clone(),
        std::io::ErrorKind::AlreadyExists => t.file_exists_error.clone(),
        _ => match errno {
            21 => t.is_a_directory_error.clone(),
            20 => t.not_a_directory_error.clone(),
            _ => t.os_error.clone(),
        },
    };
    let strerror = match errno {
        2 => "No such file or directory".to_owned(),
        13 => "Permission denied".to_owned(),
        17 => "File exists".to_owned(),
        20 => "Not a directory".to_owned(),
        21 => "Is a directory".to_owned(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(p) => s[..p].to_owned(),
                None => s,
            }
        }
    };
    let err = vm.new_exception_args(
        &class,
        vec![Value::Int(errno as i64), Value::string(strerror)],
    );
    if let Some(f) = filename {
        err.dict.set_str("filename", f.clone());
    }
    err
}

fn file_classes(vm: &mut Vm) -> (Rc<PyType>, Rc<PyType>) {
    if let (Some(Value::Type(t)), Some(Value::Type(b))) = (
        vm.ctx.native.borrow().get("io.TextIOWrapper").cloned(),
        vm.ctx.native.borrow().get("io.BufferedFile").cloned(),
    ) {
        return (t, b);
    }
    let methods: &[(&'static str, crate::object::BuiltinFn)] = &[
        ("read", file_read),
        ("readline", file_readline),
        ("readlines", file_readlines),
        ("write", file_write),
        ("writelines", file_writelines),
        ("close", file_close),
        ("flush", file_flush),
        ("seek", file_seek),
        ("tell", file_tell),
        ("truncate", file_truncate),
        ("readable", file_readable),
        ("writable", file_writable),
        ("seekable", file_seekable),
        ("fileno", file_fileno),
        ("isatty", false_),
        ("__enter__", file_enter),
        ("__exit__", file_exit),
        ("__iter__", file_enter),
        ("__next__", file_next),
        ("__getattr__", file_getattr),
        ("__repr__", file_repr),
    ];
    let t = super::native_class(vm, "TextIOWrapper", "_io");
    super::add_methods(&t, methods);
    let b = super::native_class(vm, "BufferedReader", "_io");
    super::add_methods(&b, methods);
    vm.ctx
        .native
        .borrow_mut()
        .insert("io.TextIOWrapper", Value::Type(t.clone()));
    vm.ctx
        .native
        .borrow_mut()
        .insert("io.BufferedFile", Value::Type(b.clone()));
    (t, b)
}

/// `open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None)`.
pub fn open(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let file = args
        .get(0, "file")
        .cloned()
        .ok_or_else(|| vm.type_error("open() missing required argument 'file' (pos 1)"))?;
    let mode = match args.get(1, "mode") {
        Some(m) => vm.str_of(m)?,
        None => "r".to_owned(),
    };
    let encoding = match args.get(3, "encoding") {
        Some(Value::None) | None => "utf-8".to_owned(),
        Some(e) => vm.str_of(e)?,
    };
    let errors = match args.get(4, "errors") {
        Some(Value::None) | None => "strict".to_owned(),
        Some(e) => vm.str_of(e)?,
    };
    let newline = match args.get(5, "newline") {
        Some(Value::None) | None => None,
        Some(n) => Some(vm.str_of(n)?),
    };
    let path = match base_of(&file) {
        Value::Str(s) => s.as_str().to_owned(),
        Value::Bytes(b) => String::from_utf8_lossy(&b.0).into_owned(),
        Value::Int(_) => return Err(vm.not_implemented_error("open() of a file descriptor")),
        other => {
            if let Some(p) = vm.call_special(other, "__fspath__", &[])? {
                vm.str_of(&p)?
            } else {
                return Err(vm.type_error(format!(
                    "expected str, bytes or os.PathLike object, not {}",
                    vm.type_name(other)
                )));
            }
        }
    };
    let mut kinds = 0;
    let (mut r, mut w, mut a, mut x, mut plus, mut b, mut t) =
        (false, false, false, false, false, false, false);
    for c in mode.chars() {
        let dup = match c {
            'r' => std::mem::replace(&mut r, true),
            'w' => std::mem::replace(&mut w, true),
            'a' => std::mem::replace(&mut a, true),
            'x' => std::mem::replace(&mut x, true),
            '+' => std::mem::replace(&mut plus, true),
            'b' => std::mem::replace(&mut b, true),
            't' => std::mem::replace(&mut t, true),
            _ => return Err(vm.value_error(format!("invalid mode: '{mode}'"))),
        };
        if dup {
            return Err(vm.value_error(format!("invalid mode: '{mode}'")));
        }
        if matches!(c, 'r' | 'w' | 'a' | 'x') {
            kinds += 1;
        }
    }
    if b && t {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    if kinds != 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if b && args.get(3, "encoding").is_some_and(|e| !e.is_none()) {
        return Err(vm.value_error("binary mode doesn't take an encoding argument"));
    }
    let mut opts = std::fs::OpenOptions::new();
    opts.read(r || plus)
        .write(w || a || x || plus)
        .append(a)
        .truncate(w)
        .create(w || a)
        .create_new(x);
    let name = file.clone();
    let f = match vm.allow_threads({
        let path = path.clone();
        move || opts.open(path)
    }) {
        Ok(f) => f,
        Err(e) => return Err(os_error_from(vm, &e, Some(&name))),
    };
    if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        let e = std::io::Error::from_raw_os_error(21);
        return Err(os_error_from(vm, &e, Some(&name)));
    }
    let state = FileState {
        file: Some(f),
        name,
        mode: mode.clone(),
        binary: b,
        readable: r || plus,
        writable: w || a || x || plus,
        append: a,
        encoding,
        errors,
        universal: newline.is_none(),
        write_nl: newline.filter(|n| !n.is_empty() && n != "\n"),
        rbuf: Vec::new(),
        rpos: 0,
    };
    let (text_class, bin_class) = file_classes(vm);
    let class = if b { bin_class } else { text_class };
    Ok(Value::Native(Rc::new(Native {
        class,
        data: Box::new(FileObj(RefCell::new(state))),
        dict: None,
    })))
}

fn file_of(vm: &mut Vm, v: &Value) -> PyResult<Rc<Native>> {
    match v {
        Value::Native(n) if n.get::<FileObj>().is_some() => Ok(n.clone()),
        other => Err(vm.type_error(format!(
            "descriptor requires a file object but received a '{}'",
            vm.type_name(other)
        ))),
    }
}

/// Runs `f` on an open file's state (ValueError if closed).
fn with_file<R>(
    vm: &mut Vm,
    v: &Value,
    f: impl FnOnce(&mut Vm, &mut FileState) -> PyResult<R>,
) -> PyResult<R> {
    let n = file_of(vm, v)?;
    let Some(fo) = n.get::<FileObj>() else {
        return Err(vm.type_error("not a file"));
    };
    let mut st = fo.0.borrow_mut();
    if st.file.is_none() {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    f(vm, &mut st)
}

fn io_err(vm: &mut Vm, e: std::io::Error) -> PyErr {
    os_error_from(vm, &e, None)
}

/// Decodes bytes read from a text file.
fn decode_text(vm: &mut Vm, st: &FileState, data: &[u8]) -> PyResult<String> {
    let s = super::methods::decode_bytes(vm, data, &st.encoding, &st.errors)?;
    Ok(if st.universal && s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    })
}

fn file_read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "read", 1, 2)?;
    let n = match a.get(1) {
        Some(Value::None) | None => -1,
        Some(v) => vm.arg_i64(v, "")?,
    };
    with_file(vm, &a[0], |vm, st| {
        if !st.readable {
            return Err(unsupported(vm, "not readable"));
        }
        if st.binary {
            let data = if n < 0 {
                st.read_all().map_err(|e| io_err(vm, e))?
            } else {
                let mut out = Vec::new();
                while out.len() < n as usize {
                    match st.next_byte().map_err(|e| io_err(vm, e))? {
                        Some(b) => out.push(b),
                        None => break,
                    }
                }
                out
            };
            return Ok(Value::bytes(data));
        }
        if n < 0 {
            let data = st.read_all().map_err(|e| io_err(vm, e))?;
            return Ok(Value::string(decode_text(vm, st, &data)?));
        }
        let mut out = String::new();
        let mut count = 0;
        while count < n {
            let Some(b0) = st.next_byte().map_err(|e| io_err(vm, e))? else {
                break;
            };
            let mut bytes = vec![b0];
            for _ in 1..utf8_len(b0) {
                if let Some(b) = st.next_byte().map_err(|e| io_err(vm, e))? {
                    bytes.push(b);
                }
            }
            if st.universal && b0 == b'\r' {
                if st.peek_byte().map_err(|e| io_err(vm, e))? == Some(b'\n') {
                    st.rpos += 1;
                }
                out.push('\n');
            } else {
                out.push_str(&super::methods::decode_bytes(
                    vm,
                    &bytes,
                    &st.encoding,
                    &st.errors,
                )?);
            }
            count += 1;
        }
        Ok(Value::string(out))
    })
}

/// Reads one line's bytes (with its line ending; `\r` and `\r\n` end lines too in
/// universal-newline text mode).
fn read_line_bytes(vm: &mut Vm, st: &mut FileState, limit: i64) -> PyResult<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        if limit >= 0 && out.len() as i64 >= limit {
            break;
        }
        let Some(b) = st.next_byte().map_err(|e| io_err(vm, e))? else {
            break;
        };
        if b == b'\r' && !st.binary && st.universal {
            if st.peek_byte().map_err(|e| io_err(vm, e))? == Some(b'\n') {
                st.rpos += 1;
            }
            out.push(b'\n');
            break;
        }
        out.push(b);
        if b == b'\n' {
            break;
        }
    }
    Ok(out)
}

fn file_readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "readline", 1, 2)?;
    let limit = match a.get(1) {
        Some(Value::None) | None => -1,
        Some(v) => vm.arg_i64(v, "")?,
    };
    with_file(vm, &a[0], |vm, st| {
        if !st.readable {
            return Err(unsupported(vm, "not readable"));
        }
        let line = read_line_bytes(vm, st, limit)?;
        if st.binary {
            Ok(Value::bytes(line))
        } else {
            Ok(Value::string(decode_text(vm, st, &line)?))
        }
    })
}

fn file_readlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "readlines", 1, 2)?;
    with_file(vm, &a[0], |vm, st| {
        if !st.readable {
            return Err(unsupported(vm, "not readable"));
        }
        let mut out = Vec::new();
        loop {
            let line = read_line_bytes(vm, st, -1)?;
            if line.is_empty() {
                break;
            }
            out.push(if st.binary {
                Value::bytes(line)
            } else {
                Value::string(decode_text(vm, st, &line)?)
            });
        }
        Ok(Value::list(out))
    })
}

fn file_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__next__", 1, 1)?;
    let line = with_file(vm, &a[0], |vm, st| {
        if !st.readable {
            return Err(unsupported(vm, "not readable"));
        }
        let line = read_line_bytes(vm, st, -1)?;
        if line.is_empty() {
            return Ok(None);
        }
        Ok(Some(if st.binary {
            Value::bytes(line)
        } else {
            Value::string(decode_text(vm, st, &line)?)
        }))
    })?;
    match line {
        Some(l) => Ok(l),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn file_write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "write", 2, 2)?;
    let data = a[1].clone();
    with_file(vm, &a[0], |vm, st| {
        if !st.writable {
            return Err(unsupported(vm, "not writable"));
        }
        let (bytes, n) = if st.binary {
            match vm.bytes_like(&data) {
                Some(b) => {
                    let n = b.len();
                    (b, n)
                }
                None => {
                    return Err(vm.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(&data)
                    )));
                }
            }
        } else {
            match base_of(&data) {
                Value::Str(s) => {
                    let text = match &st.write_nl {
                        Some(nl) => s.as_str().replace('\n', nl),
                        None => s.as_str().to_owned(),
                    };
                    let b = super::methods::encode_str(vm, &text, &st.encoding, &st.errors)?;
                    (b, s.char_len())
                }
                other => {
                    return Err(vm.type_error(format!(
                        "write() argument must be str, not {}",
                        vm.type_name(other)
                    )));
                }
            }
        };
        st.discard_readahead().map_err(|e| io_err(vm, e))?;
        if let Some(f) = st.file.as_mut() {
            if st.append {
                f.seek(SeekFrom::End(0)).map_err(|e| io_err(vm, e))?;
            }
            f.write_all(&bytes).map_err(|e| io_err(vm, e))?;
        }
        Ok(Value::Int(n as i64))
    })
}

fn file_writelines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "writelines", 2, 2)?;
    for line in vm.collect(&a[1])? {
        file_write(vm, Args::new(&[a[0].clone(), line]))?;
    }
    Ok(Value::None)
}

fn file_close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "close", 1, 1)?;
    let n = file_of(vm, &a[0])?;
    if let Some(fo) = n.get::<FileObj>() {
        let f = fo.0.borrow_mut().file.take();
        if let Some(mut f) = f {
            let _ = f.flush();
        }
    }
    Ok(Value::None)
}

fn file_flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "flush", 1, 1)?;
    with_file(vm, &a[0], |vm, st| {
        if let Some(f) = st.file.as_mut() {
            f.flush().map_err(|e| io_err(vm, e))?;
        }
        Ok(Value::None)
    })
}

fn file_seek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "seek", 2, 3)?;
    let off = vm.arg_i64(&a[1], "")?;
    let whence = match a.get(2) {
        Some(w) => vm.arg_i64(w, "")?,
        None => 0,
    };
    with_file(vm, &a[0], |vm, st| {
        if !st.binary && (whence != 0 && off != 0) {
            return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
        }
        st.discard_readahead().map_err(|e| io_err(vm, e))?;
        let pos = match whence {
            0 => {
                if off < 0 {
                    return Err(vm.value_error(format!("negative seek position {off}")));
                }
                SeekFrom::Start(off as u64)
            }
            1 => SeekFrom::Current(off),
            2 => SeekFrom::End(off),
            _ => {
                return Err(
                    vm.value_error(format!("invalid whence ({whence}, should be 0, 1 or 2)"))
                );
            }
        };
        let r = match st.file.as_mut() {
            Some(f) => f.seek(pos).map_err(|e| io_err(vm, e))?,
            None => 0,
        };
        Ok(Value::Int(r as i64))
    })
}

fn file_tell(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "tell", 1, 1)?;
    with_file(vm, &a[0], |vm, st| {
        let unread = st.unread() as u64;
        let p = match st.file.as_mut() {
            Some(f) => f.stream_position().map_err(|e| io_err(vm, e))?,
            None => 0,
        };
        Ok(Value::Int((p - unread) as i64))
    })
}

fn file_truncate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "truncate", 1, 2)?;
    let size = match a.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.arg_i64(v, "")?),
    };
    with_file(vm, &a[0], |vm, st| {
        if !st.writable {
            return Err(unsupported(vm, "File not open for writing"));
        }
        st.discard_readahead().map_err(|e| io_err(vm, e))?;
        let Some(f) = st.file.as_mut() else {
            return Ok(Value::None);
        };
        let size = match size {
            Some(s) => s as u64,
            None => f.stream_position().map_err(|e| io_err(vm, e))?,
        };
        f.set_len(size).map_err(|e| io_err(vm, e))?;
        Ok(Value::Int(size as i64))
    })
}

fn file_readable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "readable", 1, 1)?;
    with_file(vm, &a[0], |_, st| Ok(Value::Bool(st.readable)))
}

fn file_writable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "writable", 1, 1)?;
    with_file(vm, &a[0], |_, st| Ok(Value::Bool(st.writable)))
}

fn file_seekable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "seekable", 1, 1)?;
    with_file(vm, &a[0], |_, _| Ok(Value::BoolW(BoolWord::TRUE)))
}

fn file_fileno(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "fileno", 1, 1)?;
    with_file(vm, &a[0], |_, _| Ok(Value::Int(3)))
}

fn file_enter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__enter__", 1, 1)?;
    with_file(vm, &a[0], |_, _| Ok(()))?;
    Ok(a[0].clone())
}

fn file_exit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.pos();
    file_close(vm, Args::new(&a[..1]))?;
    Ok(Value::BoolW(BoolWord::FALSE))
}

fn file_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__getattr__", 2, 2)?;
    let n = file_of(vm, &a[0])?;
    let name = vm.str_of(&a[1])?;
    let Some(fo) = n.get::<FileObj>() else {
        return Err(vm.attribute_error(name));
    };
    let st = fo.0.borrow();
    Ok(match name.as_str() {
        "name" => st.name.clone(),
        "mode" => Value::str(&st.mode),
        "closed" => Value::Bool(st.file.is_none()),
        "encoding" if !st.binary => Value::str(&st.encoding),
        "errors" if !st.binary => Value::str(&st.errors),
        "newlines" if !st.binary => Value::None,
        _ => {
            drop(st);
            return Err(vm.no_attr(&a[0], &name));
        }
    })
}

fn file_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.check(vm, "__repr__", 1, 1)?;
    let n = file_of(vm, &a[0])?;
    let Some(fo) = n.get::<FileObj>() else {
        return Ok(Value::str("<file>"));
    };
    let (name, mode, binary, enc) = {
        let st = fo.0.borrow();
        (
            st.name.clone(),
            st.mode.clone(),
            st.binary,
            st.encoding.clone(),
        )
    };
    let nr = vm.repr(&name)?;
    Ok(Value::string(if binary {
        let kind = if mode.contains('r') && !mode.contains('+') {
            "BufferedReader"
        } else if mode.contains('+') {
            "BufferedRandom"
        } else {
            "BufferedWriter"
        };
        format!("<_io.{kind} name={nr}>")
    } else {
        format!(
            "<_io.TextIOWrapper name={nr} mode='{mode}' encoding='{}'>",
            enc.to_uppercase()
        )
    }))
}
