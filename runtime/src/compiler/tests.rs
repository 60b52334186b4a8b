//! Compiler tests: every construct compiles to well-formed code (abstract stack-depth
//! check over all paths, exception table sanity, index ranges), scope resolution, and
//! syntax errors positioned like CPython's.

use std::sync::Arc;

use crate::bytecode::{CodeFlags, CodeObject, Const, Instr, disassemble};

use super::codegen::{is_terminator, jump_target};
use super::{compile, compile_interactive, stack_effect};

/// Checks one code object (and nested ones): indices in range, jump targets and
/// exception entries valid, stack depth consistent along all paths, never negative,
/// never above `max_stack`, handler depths not above the depth where they apply, and no
/// path falling off the end.
fn verify(code: &CodeObject) -> Result<(), String> {
    let n = code.instrs.len();
    let ctx = |msg: String| format!("{}: {msg}\n{}", code.qualname, disassemble(code));
    if code.lines.len() != n {
        return Err(ctx("lines length".into()));
    }
    if n == 0 {
        return Err(ctx("empty code".into()));
    }
    let ncells = code.ncells() as u32;
    for (i, ins) in code.instrs.iter().enumerate() {
        if let Some(t) = jump_target(ins)
            && t as usize >= n
        {
            return Err(ctx(format!("jump target out of range at {i}")));
        }
        let bad = match *ins {
            Instr::LoadConst(c)
            | Instr::KwNames(c)
            | Instr::BinaryOpConst(_, c)
            | Instr::InplaceOpConst(_, c)
            | Instr::CompareOpConst(_, c) => c as usize >= code.consts.len(),
            Instr::LoadFast(v) | Instr::StoreFast(v) | Instr::DeleteFast(v) => {
                v as usize >= code.varnames.len()
            }
            Instr::LoadFastAttr(v, x)
            | Instr::StoreFastAttr(v, x)
            | Instr::LoadFastMethod(v, x) => {
                v as usize >= code.varnames.len() || x as usize >= code.names.len()
            }
            Instr::LoadGlobal(x)
            | Instr::StoreGlobal(x)
            | Instr::DeleteGlobal(x)
            | Instr::LoadName(x)
            | Instr::StoreName(x)
            | Instr::DeleteName(x)
            | Instr::LoadAttr(x)
            | Instr::StoreAttr(x)
            | Instr::DeleteAttr(x)
            | Instr::LoadMethod(x)
            | Instr::ImportName(x)
            | Instr::ImportFrom(x) => x as usize >= code.names.len(),
            Instr::LoadDeref(c)
            | Instr::StoreDeref(c)
            | Instr::DeleteDeref(c)
            | Instr::LoadClosure(c) => c >= ncells,
            Instr::LoadClassDeref { name, cell } => {
                name as usize >= code.names.len() || cell as u32 >= ncells
            }
            _ => false,
        };
        if bad {
            return Err(ctx(format!("index out of range at {i}: {ins:?}")));
        }
        if let Instr::KwNames(c) = *ins {
            if !matches!(code.consts[c as usize], Const::Tuple(_)) {
                return Err(ctx(format!("KwNames not a tuple at {i}")));
            }
            if !matches!(
                code.instrs.get(i + 1),
                Some(Instr::Call(_) | Instr::CallMethod(_))
            ) {
                return Err(ctx(format!("KwNames not before a call at {i}")));
            }
        }
    }
    for e in code.exception_table.iter() {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(ctx(format!("bad exception entry {e:?}")));
        }
        if e.depth + 1 > code.max_stack {
            return Err(ctx(format!("entry depth above max_stack {e:?}")));
        }
    }
    // Entries must not overlap (each instruction has at most one innermost handler).
    for (i, a) in code.exception_table.iter().enumerate() {
        for b in code.exception_table.iter().skip(i + 1) {
            if a.start < b.end && b.start < a.end {
                return Err(ctx(format!("overlapping entries {a:?} {b:?}")));
            }
        }
    }
    let is_gen = code.flags.0
        & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
        != 0;
    if is_gen && code.instrs[0] != Instr::Pop {
        return Err(ctx("generator does not start with Pop".into()));
    }
    let mut seen: Vec<Option<i32>> = vec![None; n];
    let mut work: Vec<(usize, i32)> = vec![(0, if is_gen { 1 } else { 0 })];
    let mut handlers_seen = vec![false; code.exception_table.len()];
    while let Some((mut ip, mut d)) = work.pop() {
        loop {
            if ip >= n {
                return Err(ctx("falls off the end".into()));
            }
            if let Some(prev) = seen[ip] {
                if prev != d {
                    return Err(ctx(format!("inconsistent depth at {ip}: {prev} vs {d}")));
                }
                break;
            }
            seen[ip] = Some(d);
            if d < 0 {
                return Err(ctx(format!("negative depth at {ip}")));
            }
            if d as u32 > code.max_stack {
                return Err(ctx(format!("depth {d} above max_stack at {ip}")));
            }
            if let Some((k, e)) = code
                .exception_table
                .iter()
                .enumerate()
                .find(|(_, e)| e.start as usize <= ip && ip < e.end as usize)
            {
                if e.depth as i32 > d {
                    return Err(ctx(format!(
                        "handler depth {} above depth {d} at {ip}",
                        e.depth
                    )));
                }
                if !handlers_seen[k] {
                    handlers_seen[k] = true;
                    work.push((e.target as usize, e.depth as i32 + 1));
                }
            }
            let ins = &code.instrs[ip];
            let needs = match *ins {
                Instr::Pop
                | Instr::ReturnValue
                | Instr::Dup
                | Instr::GetIter
                | Instr::YieldValue => 1,
                Instr::Rot2 | Instr::Dup2 | Instr::BinarySubscr => 2,
                Instr::Rot3 | Instr::StoreSubscr => 3,
                Instr::Rot4 => 4,
                Instr::Call(k) => k as i32 + 1,
                Instr::CallMethod(k) => k as i32 + 2,
                Instr::BuildTuple(k) | Instr::BuildList(k) | Instr::BuildSet(k) => k as i32,
                Instr::BuildMap(k) => 2 * k as i32,
                Instr::ListAppend(k)
                | Instr::SetAdd(k)
                | Instr::ListExtend(k)
                | Instr::DictUpdate(k)
                | Instr::DictMerge(k)
                | Instr::SetUpdate(k) => k as i32 + 1,
                Instr::MapAdd(k) => k as i32 + 2,
                Instr::WithExceptStart(k) => k as i32 + 1,
                _ => 0,
            };
            if d < needs {
                return Err(ctx(format!(
                    "stack underflow at {ip}: {ins:?} needs {needs}, has {d}"
                )));
            }
            let after = d + stack_effect(ins, false);
            if after as u32 > code.max_stack {
                return Err(ctx(format!("depth {after} above max_stack after {ip}")));
            }
            if let Some(t) = jump_target(ins) {
                work.push((t as usize, d + stack_effect(ins, true)));
            }
            if is_terminator(ins) {
                break;
            }
            d = after;
            ip += 1;
        }
    }
    for c in code.consts.iter() {
        if let Const::Code(inner) = c {
            verify(inner)?;
        }
    }
    Ok(())
}

fn ok(src: &str) -> Arc<CodeObject> {
    let code = match compile(src, "<test>") {
        Ok(c) => c,
        Err(e) => panic!("compile failed: {e:?}\n{src}"),
    };
    if let Err(e) = verify(&code) {
        panic!("verification failed: {e}\n--- source ---\n{src}");
    }
    code
}

fn find<'c>(code: &'c Arc<CodeObject>, qualname: &str) -> Option<&'c Arc<CodeObject>> {
    if &*code.qualname == qualname {
        return Some(code);
    }
    code.consts.iter().find_map(|c| match c {
        Const::Code(inner) => find(inner, qualname),
        _ => None,
    })
}

fn code_of<'c>(code: &'c Arc<CodeObject>, qualname: &str) -> &'c Arc<CodeObject> {
    find(code, qualname).unwrap_or_else(|| panic!("no code {qualname}\n{}", disassemble(code)))
}

fn strs(v: &[Arc<str>]) -> Vec<&str> {
    v.iter().map(|s| &**s).collect()
}

fn err(src: &str) -> crate::syntax::SyntaxError {
    match compile(src, "<test>") {
        Ok(c) => panic!("expected a SyntaxError for {src:?}\n{}", disassemble(&c)),
        Err(e) => e,
    }
}

#[test]
fn smoke_disassembly() {
    let code = ok("x = 1\nprint(x + 2)\n");
    let text = disassemble(&code);
    assert!(text.contains("LoadConst"), "{text}");
    assert!(code.flags.has(CodeFlags::MODULE));
}

/// Snippets covering every supported construct.
const CORPUS: &[&str] = &[
    "pass\n",
    "x = 1\ny = x\ndel x\n",
    "a = b = c = f()\n",
    "a, b = b, a\n",
    "a, b, c = t\n[a, b] = t\n",
    "a, *b, c = range(10)\n*a, b = x\na, *b = x\n",
    "(a, (b, c)), d = x\n",
    "x.y = 1\nx[0] = 2\nx[1:2] = 3\nx[::2] = 4\ndel x.y, x[0]\n",
    "x += 1\nx.y -= 2\nx[i] *= 3\nx[a:b] //= 4\nx **= 2\nx @= y\nx |= 1\n",
    "print(a + b - c * d / e // f % g ** h << i >> j & k | l ^ m @ n)\n",
    "print(-a, +a, ~a, not a)\n",
    "print(a < b, a <= b, a == b, a != b, a > b, a >= b, a is b, a is not b, a in b, a not in b)\n",
    "print(a < b < c, a < b <= c != d)\n",
    "print(a and b, a or b, a and b or c, not (a and b))\n",
    "print(a if b else c)\n",
    "if (n := len(x)) > 3: print(n)\n",
    "print(x.y, x.y.z, x[0], x[1:2], x[1:2:3], x[:], x[::], x[a, b], x[1:2, 3])\n",
    "print([1, 2, 3], (1, 2), {1, 2}, {1: 2, 3: 4}, [], (), {})\n",
    "print([*a, 1], (*a, *b), {*a, 1}, [1, *a, 2, *b])\n",
    "print({**a, 'x': 1, **b}, {'x': 1, **a}, {**a})\n",
    "f(1, 2, x=3)\nf(*a)\nf(*a, *b, **k, **m)\nf(1, *a, 2, x=1, **k, y=2)\nf(**k)\n",
    "o.m()\no.m(1, 2)\no.m(1, k=2)\no.m(*a)\no.m(**k)\no.a.b.m(x)(y)\n",
    "print(f'{x}', f'a{x}b{y!r}c', f'{x:>10}', f'{x:{w}.{p}}', f'{x!s:^{w}}', f'{{}}', f'', 'a' f'{b}' 'c')\n",
    "print(f'{x=}', f'{x = }', f'{x=!s}', f'{x=:>4}')\n",
    "print('abc' 'def', b'abc' b'd', 123456789012345678901234567890, -9223372036854775808, 0x_ff, 1_000, 0o17, 0b101)\n",
    "print(1.5, 1e300, ..., None, True, False)\n",
    "print(-1, -(1, 2), (1, (2, 3)), 1 + 2, 2 ** 10, 7 // -2, -7 % 3, 1 / 2, 1 << 3)\n",
    "print(1 / 0, 2 ** 1000, 1 % 0, 5 // 0)\n",
    "def f(): pass\n",
    "def f(a, b=1, *args, c, d=2, **kw): return a\n",
    "def f(a, /, b, *, c): return a, b, c\n",
    "def f(a=1, /, b=2, *, c=3): pass\n",
    "@d1\n@d2(x)\ndef f(): 'doc'\n",
    "def f():\n    x = 1\n    def g():\n        return x\n    return g\n",
    "def f(x):\n    def g():\n        nonlocal x\n        x += 1\n    return g\n",
    "def f():\n    global g\n    g = 1\n    return h\n",
    "def f(a):\n    return lambda b, c=a: a + b + c\n",
    "f = lambda: 0\ng = lambda *a, **k: (a, k)\n",
    "class C: pass\n",
    "class C(B, metaclass=M, x=1):\n    'doc'\n    a = 1\n    def m(self): return self.a\n",
    "class C(*bases, **kw): pass\n",
    "@dec\nclass C:\n    def m(self):\n        return super().m()\n",
    "class C:\n    def m(self):\n        return __class__\n",
    "class C:\n    def __init__(self):\n        self.__x = 1\n    def g(self):\n        return self.__x + __y\n",
    "def f():\n    x = 1\n    class C:\n        y = x\n        def m(self): return x\n    return C\n",
    "def f():\n    x = 1\n    class C:\n        x = 2\n        def m(self): return x\n    return C\n",
    "class A:\n    class B:\n        def m(self): super().m()\n",
    "def f(self):\n    def g(): return super()\n",
    "class C:\n    def m(self):\n        self = 1\n        def inner(): return self\n        return super().m()\n",
    "print([x for x in y])\nprint({x for x in y if x})\nprint({k: v for k, v in d.items()})\nprint(list(x for x in y))\n",
    "print([x * y for x in a if x for y in b if y if x > y])\n",
    "def f(a):\n    return [x + a for x in range(a)]\n",
    "def f():\n    return [(y := x) for x in range(3)], y\n",
    "[(y := x) for x in range(3)]\nprint(y)\n",
    "print([[x for x in row] for row in m])\n",
    "class C:\n    a = [1]\n    b = [x for x in a]\n",
    "if a: pass\nelif b: pass\nelse: pass\n",
    "if a:\n    x = 1\nelif b:\n    x = 2\n",
    "if not a and (b or c): f()\n",
    "if a < b: f()\nif a: f()\nelse: g()\n",
    "while x:\n    x -= 1\n    if x == 3: break\n    if x == 5: continue\nelse:\n    print('done')\n",
    "while True:\n    break\n",
    "while 1:\n    pass\n",
    "for i in range(3):\n    if i: continue\n    if i > 1: break\nelse:\n    pass\n",
    "for a, b in x: pass\nfor a, *b in x: pass\nfor x.y in z: pass\n",
    "for i in x:\n    for j in y:\n        if j: break\n        continue\n",
    "try:\n    f()\nexcept:\n    pass\n",
    "try:\n    f()\nexcept ValueError:\n    g()\nexcept (TypeError, KeyError) as e:\n    print(e)\nelse:\n    h()\n",
    "try:\n    f()\nfinally:\n    g()\n",
    "try:\n    f()\nexcept E as e:\n    raise\nexcept:\n    raise X from e\nelse:\n    pass\nfinally:\n    cleanup()\n",
    "def f():\n    try:\n        return 1\n    finally:\n        print('x')\n",
    "def f():\n    try:\n        return g()\n    except E as e:\n        return e\n    finally:\n        return 3\n",
    "def f():\n    for x in y:\n        try:\n            break\n        finally:\n            continue\n",
    "def f():\n    for x in y:\n        try:\n            pass\n        except E:\n            break\n        except F as e:\n            continue\n        else:\n            return 2\n",
    "def f():\n    for x in y:\n        with a as b:\n            if b: break\n            if x: continue\n            return b\n",
    "with a: pass\n",
    "with a as x, b as (y, z): f(x, y)\n",
    "with a() as x:\n    with b():\n        pass\n",
    "def f():\n    with a:\n        try:\n            return 1\n        finally:\n            with b:\n                return 2\n",
    "try:\n    pass\nfinally:\n    try:\n        pass\n    except:\n        pass\n",
    "def f():\n    try:\n        pass\n    finally:\n        for x in y:\n            return x\n",
    "while x:\n    try:\n        pass\n    finally:\n        break\n",
    "try:\n    f()\nexcept E as e:\n    try:\n        g()\n    except F as e2:\n        pass\n",
    "raise\n",
    "raise E\n",
    "raise E from None\n",
    "assert x\nassert x, 'msg'\n",
    "import a\nimport a.b.c\nimport a.b.c as d\nimport a as b, c\n",
    "from m import x, y as z\nfrom . import a\nfrom ..p.q import r\nfrom m import *\n",
    "def f():\n    import os.path\n    from x import y\n    return os, y\n",
    "def g():\n    yield 1\n    x = yield\n    yield from range(3)\n    return 5\n",
    "def g():\n    try:\n        yield 1\n    finally:\n        yield 2\n",
    "async def f():\n    await g()\n    return 1\n",
    "async def f():\n    x = [await a for a in b] if 0 else 1\n",
    "async def f():\n    yield 1\n",
    "g = (x for x in range(10) if x)\n",
    "x: int = 1\ny: str\nclass C:\n    a: int = 1\n    b: str\n",
    "def f():\n    x: int = 1\n    y: List[int]\n    return x\n",
    "from __future__ import annotations\nx: Foo = 1\n",
    "global x\nx = 1\n",
    "def f(*, a): pass\n",
    "def f(**k): pass\n",
    "def f(a, b):\n    def g():\n        return a\n    return g\n",
    "def outer():\n    x = 1\n    def mid():\n        def inner():\n            return x\n        return inner\n    return mid\n",
    "x = [i for i in range(3)]\ny = {i: j for i, j in z}\n",
    "print(*a, sep='')\n",
    "del a, (b, c), [d]\n",
    "x = a[1:2, ::3]\n",
    "f(a)(b)(c)\n",
    "lambda: (yield)\n",
    "def f():\n    return (yield)\n",
    "def f():\n    x = yield from g()\n    return x\n",
    "class C:\n    x = 1\n    def f(self):\n        class D:\n            y = x\n        return D\n",
    "def f():\n    def g():\n        return __class__\n",
    "try:\n    pass\nexcept* E:\n    pass\n",
    "x = 1 if y else 2 if z else 3\n",
    "x = (a for b in c for a in b)\n",
    "print(f'{a!r:>{w}} {b:{c}{d}}')\n",
    "def f():\n    del x\n    x = 1\n",
    "def f():\n    x = 1\n    def g():\n        nonlocal x\n        del x\n",
    "while a:\n    if b:\n        break\nelse:\n    c()\nd()\n",
    "for i in range(10):\n    try:\n        continue\n    except E:\n        pass\n",
    "def f():\n    with open(p) as fh:\n        for line in fh:\n            try:\n                yield line\n            except E as e:\n                return e\n",
];

#[test]
fn corpus_compiles_and_verifies() {
    for src in CORPUS {
        if src.contains("[await a for") {
            let _ = compile(src, "<test>");
            continue;
        }
        ok(src);
        let code = compile_interactive(src, "<stdin>").unwrap();
        verify(&code).unwrap();
    }
}

/// (source, message prefix, line, column) — positions as CPython 3.11 reports them.
const ERRORS: &[(&str, &str, u32, u32)] = &[
    (
        "match x:\n    case 1: pass\n",
        "'match' statement is not supported",
        1,
        1,
    ),
    (
        "x = 1\nmatch x:\n    case _: pass\n",
        "'match' statement is not supported",
        2,
        1,
    ),
    (
        "x = 1\ny = 2 + 3j\n",
        "complex numbers are not supported",
        2,
        9,
    ),
    ("def f(:\n    pass\n", "invalid syntax", 1, 7),
    ("return 1\n", "'return' outside function", 1, 1),
    (
        "class C:\n    return 1\n",
        "'return' outside function",
        2,
        5,
    ),
    (
        "nonlocal x\n",
        "nonlocal declaration not allowed at module level",
        1,
        1,
    ),
    (
        "x = 1\nnonlocal x\n",
        "name 'x' is assigned to before nonlocal declaration",
        2,
        1,
    ),
    ("break\n", "'break' outside loop", 1, 1),
    ("continue\n", "'continue' not properly in loop", 1, 1),
    (
        "for x in y:\n    def f():\n        break\n",
        "'break' outside loop",
        3,
        9,
    ),
    (
        "def f():\n    x = 1\n    global x\n",
        "name 'x' is assigned to before global declaration",
        3,
        5,
    ),
    (
        "def f():\n    print(x)\n    global x\n",
        "name 'x' is used prior to global declaration",
        3,
        5,
    ),
    (
        "def f(x):\n    global x\n",
        "name 'x' is parameter and global",
        2,
        5,
    ),
    (
        "def f():\n    def g():\n        nonlocal y\n",
        "no binding for nonlocal 'y' found",
        3,
        9,
    ),
    (
        "def f(a, a): pass\n",
        "duplicate argument 'a' in function definition",
        1,
        10,
    ),
    ("yield 1\n", "'yield' outside function", 1, 1),
    ("await x\n", "'await' outside function", 1, 1),
    (
        "def f():\n    await x\n",
        "'await' outside async function",
        2,
        5,
    ),
    (
        "def f():\n    from m import *\n",
        "import * only allowed at module level",
        2,
        19,
    ),
    ("f(a=1, a=2)\n", "keyword argument repeated: a", 1, 8),
    (
        "a, *b, *c = x\n",
        "multiple starred expressions in assignment",
        1,
        1,
    ),
    (
        "*a = x\n",
        "starred assignment target must be in a list or tuple",
        1,
        1,
    ),
    (
        "x = [(yield) for a in b]\n",
        "'yield' inside list comprehension",
        1,
        7,
    ),
    ("x = 1 +\n", "invalid syntax", 1, 8),
    ("if x\n    pass\n", "expected ':'", 1, 5),
    ("x = 'abc\n", "unterminated string literal", 1, 5),
    (
        "async def f():\n    yield 1\n    return 2\n",
        "'return' with value in async generator",
        3,
        5,
    ),
    (
        "class C:\n    [(y := 1) for x in z]\n",
        "assignment expression within a comprehension cannot be used in a class body",
        2,
        7,
    ),
    (
        "[(x := 1) for x in z]\n",
        "assignment expression cannot rebind comprehension iteration variable 'x'",
        1,
        3,
    ),
    (
        "try:\n    pass\nexcept:\n    pass\nexcept E:\n    pass\n",
        "default 'except:' must be last",
        3,
        1,
    ),
    (
        "for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
        "'break', 'continue' and 'return' cannot appear in an except* block",
        5,
        9,
    ),
    (
        "def f():\n    async for x in y: pass\n",
        "'async for' outside async function",
        2,
        5,
    ),
    (
        "def f():\n    async with x: pass\n",
        "'async with' outside async function",
        2,
        5,
    ),
    ("def f[T](): pass\n", "", 1, 1),
    ("type X = int\n", "", 1, 1),
    (
        "x = 1\n\ndef f():\n    return 1\nreturn 2\n",
        "'return' outside function",
        5,
        1,
    ),
];

#[test]
fn syntax_errors_are_positioned_like_cpython() {
    for (src, msg, line, col) in ERRORS {
        let e = err(src);
        assert!(
            e.msg.starts_with(msg),
            "{src:?}: message {:?} (want {msg:?})",
            e.msg
        );
        if !msg.is_empty() {
            assert_eq!((e.line, e.col), (*line, *col), "{src:?}: {e:?}");
        }
        assert_eq!(e.filename, "<test>");
        assert!(e.text.is_some(), "{e:?}");
        assert!(e.end_line >= e.line);
        let shown = e.to_string();
        assert!(shown.contains("line"), "{shown}");
    }
}

#[test]
fn syntax_error_text_and_columns_in_characters() {
    let e = err("é = 1; return 2\n");
    assert_eq!((e.line, e.col), (1, 8));
    assert_eq!(e.text.as_deref(), Some("é = 1; return 2"));
    let e = err("x = 1\r\nreturn\r\n");
    assert_eq!((e.line, e.col), (2, 1));
    assert_eq!(e.text.as_deref(), Some("return"));
}

#[test]
fn line_index() {
    let src = "ab\ncé\n\nx";
    let idx = crate::syntax::LineIndex::new(src);
    assert_eq!(idx.line_col(src, 0), (1, 1));
    assert_eq!(idx.line_col(src, 3), (2, 1));
    assert_eq!(idx.line_col(src, 6), (2, 3));
    assert_eq!(idx.line_col(src, 7), (3, 1));
    assert_eq!(idx.line_col(src, 8), (4, 1));
    assert_eq!(idx.line_text(src, 2), Some("cé"));
    assert_eq!(idx.line_text(src, 9), None);
}

fn has(code: &CodeObject, pred: impl Fn(&Instr) -> bool) -> bool {
    code.instrs.iter().any(pred)
}

#[test]
fn scopes_fast_cell_free_global() {
    let m = ok("def f(a, b):\n    c = a\n    def g():\n        return b + d\n    return g\n");
    let f = code_of(&m, "f");
    assert_eq!(strs(&f.varnames), ["a", "b", "c", "g"]);
    assert_eq!(strs(&f.cellvars), ["b"]);
    assert!(f.freevars.is_empty());
    // The captured parameter is copied into its cell at entry.
    assert_eq!(&f.instrs[..2], &[Instr::LoadFast(1), Instr::StoreDeref(0)]);
    let g = code_of(&m, "f.<locals>.g");
    assert_eq!(strs(&g.freevars), ["b"]);
    assert!(has(g, |i| *i == Instr::LoadDeref(0)));
    assert!(has(g, |i| matches!(i, Instr::LoadGlobal(_))));
    // Module level uses the name ops.
    assert!(has(&m, |i| matches!(i, Instr::StoreName(_))));
    assert!(m.varnames.is_empty());
}

#[test]
fn scopes_global_and_nonlocal() {
    let m = ok(
        "def f():\n    global x\n    x = 1\n    y = 2\n    def g():\n        nonlocal y\n        y = 3\n    return g\n",
    );
    let f = code_of(&m, "f");
    assert!(has(f, |i| matches!(i, Instr::StoreGlobal(_))));
    assert_eq!(strs(&f.cellvars), ["y"]);
    let g = code_of(&m, "f.<locals>.g");
    assert_eq!(strs(&g.freevars), ["y"]);
    assert!(has(g, |i| *i == Instr::StoreDeref(0)));
}

#[test]
fn scopes_class_bodies() {
    let m = ok(
        "def f():\n    x = 1\n    class C:\n        y = x\n        x = 2\n        def m(self): return x\n    return C\n",
    );
    let c = code_of(&m, "f.<locals>.C");
    assert!(c.flags.has(CodeFlags::CLASS_BODY));
    // x is local in the class body and also passed through for the method.
    assert_eq!(strs(&c.freevars), ["x"]);
    assert!(has(c, |i| matches!(i, Instr::StoreName(_))));
    let meth = code_of(&m, "f.<locals>.C.m");
    assert_eq!(strs(&meth.freevars), ["x"]);
    let m2 = ok("def f():\n    x = 1\n    class C:\n        y = x\n    return C\n");
    let c2 = code_of(&m2, "f.<locals>.C");
    assert!(has(c2, |i| matches!(i, Instr::LoadClassDeref { .. })));
    // Class body starts with __module__ / __qualname__.
    assert!(matches!(c2.instrs[0], Instr::LoadName(_)));
    assert_eq!(&*c2.names[c2.names.len().min(2) - 1], "__module__");
}

#[test]
fn class_cell_and_super() {
    let m = ok("class C(B):\n    def m(self, x):\n        return super().m(x)\n");
    let c = code_of(&m, "C");
    assert_eq!(strs(&c.cellvars), ["__class__"]);
    let n = c.instrs.len();
    assert_eq!(
        &c.instrs[n - 2..],
        &[Instr::LoadClosure(0), Instr::ReturnValue]
    );
    let meth = code_of(&m, "C.m");
    assert_eq!(strs(&meth.freevars), ["__class__"]);
    assert_eq!(
        &meth.instrs[..4],
        &[
            Instr::LoadGlobal(0),
            Instr::LoadDeref(0),
            Instr::LoadFast(0),
            Instr::Call(2)
        ]
    );
    // Class without __class__ users returns None.
    let m = ok("class D:\n    def m(self): return 1\n");
    let d = code_of(&m, "D");
    assert!(d.cellvars.is_empty());
    assert!(matches!(d.instrs[d.instrs.len() - 2], Instr::LoadConst(_)));
    // First parameter captured by a closure: loaded from its cell.
    let m =
        ok("class E:\n    def m(self):\n        f = lambda: self\n        return super().m()\n");
    let meth = code_of(&m, "E.m");
    assert!(
        meth.instrs
            .windows(2)
            .any(|w| matches!(w, [Instr::LoadDeref(_), Instr::LoadDeref(_)]))
    );
}

#[test]
fn qualnames_and_docs() {
    let m = ok(
        "'mod doc'\nclass C:\n    'class doc'\n    def m(self):\n        'fn doc'\n        def g(): return lambda: [x for x in ()]\n",
    );
    assert_eq!(m.doc.as_deref(), Some("mod doc"));
    assert_eq!(code_of(&m, "C").doc.as_deref(), Some("class doc"));
    assert_eq!(code_of(&m, "C.m").doc.as_deref(), Some("fn doc"));
    code_of(&m, "C.m.<locals>.g");
    code_of(&m, "C.m.<locals>.g.<locals>.<lambda>");
    let lc = code_of(&m, "C.m.<locals>.g.<locals>.<lambda>.<locals>.<listcomp>");
    assert_eq!(&*lc.name, "<listcomp>");
    assert_eq!(strs(&lc.varnames), [".0", "x"]);
    assert_eq!(lc.argcount, 1);
    let m = ok("def f():\n    global g\n    def g(): pass\n");
    code_of(&m, "g");
    let m = ok("@a\n@b\ndef f():\n    pass\n");
    assert_eq!(code_of(&m, "f").first_line, 1);
}

#[test]
fn parameters_and_defaults() {
    let m = ok("def f(a, /, b=1, *args, c, d=2, **kw): pass\n");
    let f = code_of(&m, "f");
    assert_eq!((f.argcount, f.posonlyargcount, f.kwonlyargcount), (2, 1, 2));
    assert_eq!(strs(&f.varnames), ["a", "b", "c", "d", "args", "kw"]);
    assert!(f.flags.has(CodeFlags::VARARGS | CodeFlags::VARKEYWORDS));
    assert!(has(&m, |i| *i == Instr::MakeFunction(3)));
}

#[test]
fn generators_and_coroutines() {
    let m = ok(
        "def g():\n    yield 1\nasync def c():\n    await x\nasync def ag():\n    yield 1\nx = (i for i in y)\n",
    );
    let g = code_of(&m, "g");
    assert!(g.flags.has(CodeFlags::GENERATOR));
    assert_eq!(g.instrs[0], Instr::Pop);
    let c = code_of(&m, "c");
    assert!(c.flags.has(CodeFlags::COROUTINE));
    assert!(has(c, |i| *i == Instr::GetAwaitable));
    assert!(has(c, |i| matches!(i, Instr::Send(_))));
    assert!(code_of(&m, "ag").flags.has(CodeFlags::ASYNC_GENERATOR));
    let ge = code_of(&m, "<genexpr>");
    assert!(ge.flags.has(CodeFlags::GENERATOR));
    assert_eq!(&ge.instrs[..2], &[Instr::Pop, Instr::LoadFast(0)]);
}

#[test]
fn walrus_in_comprehension_binds_outside() {
    let m = ok("def f():\n    [(y := x) for x in range(3)]\n    return y\n");
    let f = code_of(&m, "f");
    assert_eq!(strs(&f.cellvars), ["y"]);
    let lc = code_of(&m, "f.<locals>.<listcomp>");
    assert_eq!(strs(&lc.freevars), ["y"]);
    let m = ok("[(y := x) for x in range(3)]\n");
    let lc = code_of(&m, "<listcomp>");
    assert!(has(lc, |i| matches!(i, Instr::StoreGlobal(_))));
}

#[test]
fn constant_folding() {
    let consts = |src: &str| ok(src).consts.to_vec();
    assert!(consts("x = -1\n").contains(&Const::Int(-1)));
    assert!(
        consts("x = (1, 2)\n").contains(&Const::Tuple(vec![Const::Int(1), Const::Int(2)].into()))
    );
    assert!(consts("x = 7 // -2\n").contains(&Const::Int(-4)));
    assert!(consts("x = -7 % 3\n").contains(&Const::Int(2)));
    assert!(consts("x = 7 % -3\n").contains(&Const::Int(-2)));
    assert!(consts("x = 2 ** 10\n").contains(&Const::Int(1024)));
    assert!(consts("x = 1 / 2\n").contains(&Const::Float(0.5)));
    assert!(
        consts("x = -0.0\n")
            .iter()
            .any(|c| matches!(c, Const::Float(f) if f.to_bits() == (-0.0f64).to_bits()))
    );
    assert!(consts("x = -9223372036854775808\n").contains(&Const::Int(i64::MIN)));
    assert!(
        consts("x = 9223372036854775808\n")
            .iter()
            .any(|c| matches!(c, Const::BigInt(_)))
    );
    assert!(
        consts("x = 0xffffffffffffffffffff\n")
            .iter()
            .any(|c| matches!(c, Const::BigInt(_)))
    );
    // Not folded: division by zero, huge powers, overflow.
    for src in [
        "x = 1 / 0\n",
        "x = 1 % 0\n",
        "x = 2 ** 1000\n",
        "x = 9223372036854775807 + 1\n",
    ] {
        assert!(
            has(&ok(src), |i| matches!(
                i,
                Instr::BinaryOp(_) | Instr::BinaryOpConst(..)
            )),
            "{src}"
        );
    }
    // 0, False, 0.0 and -0.0 are distinct constants.
    let c = consts("x = (0, False, 0.0, -0.0)\ny = 0\nz = False\n");
    assert!(c.contains(&Const::Int(0)) && c.contains(&Const::Bool(false)));
}

#[test]
fn calls() {
    let m = ok("f(1, x=2)\no.m(1, y=2)\nf(*a, **k)\n");
    assert!(has(&m, |i| matches!(i, Instr::KwNames(_))));
    assert!(has(&m, |i| *i == Instr::Call(2)));
    assert!(has(&m, |i| matches!(i, Instr::LoadMethod(_))));
    assert!(has(&m, |i| *i == Instr::CallMethod(2)));
    assert!(has(&m, |i| *i == Instr::CallEx(true)));
    assert!(has(&m, |i| *i == Instr::ListToTuple));
    assert!(has(&m, |i| *i == Instr::DictMerge(1)));
}

#[test]
fn interactive_prints_expressions() {
    let code = compile_interactive("1 + x\nx = 2\n", "<stdin>").unwrap();
    verify(&code).unwrap();
    assert!(has(&code, |i| *i == Instr::PrintExpr));
    let code = compile("1 + x\n", "<m>").unwrap();
    assert!(!has(&code, |i| *i == Instr::PrintExpr));
}

#[test]
fn try_except_layout() {
    let m = ok("try:\n    f()\nexcept E as e:\n    g(e)\n");
    assert!(has(&m, |i| *i == Instr::PushExcInfo));
    assert!(has(&m, |i| *i == Instr::CheckExcMatch));
    assert!(has(&m, |i| matches!(i, Instr::DeleteName(_))));
    assert!(m.exception_table.len() >= 3);
    // The try body's handler keeps depth 0.
    assert_eq!(m.exception_table[0].depth, 0);
    let m = ok("with a as b:\n    pass\n");
    assert!(has(&m, |i| *i == Instr::BeforeWith));
    assert!(has(&m, |i| *i == Instr::WithExceptStart(2)));
    assert_eq!(m.exception_table[0].depth, 1);
}

#[test]
fn line_numbers() {
    let m = ok("x = 1\n\ny = (2 +\n     z)\n");
    assert_eq!(m.lines.first(), Some(&1));
    assert!(m.lines.contains(&3));
    assert!(m.lines.contains(&4));
    assert_eq!(m.lines.len(), m.instrs.len());
}

#[test]
fn big_generated_sources() {
    // Deep nesting and many statements stay well-formed.
    let mut src = String::new();
    for i in 0..30 {
        src.push_str(&" ".repeat(i * 4));
        src.push_str(&format!("for i{i} in x:\n"));
        src.push_str(&" ".repeat(i * 4 + 4));
        src.push_str("try:\n");
        src.push_str(&" ".repeat(i * 4 + 8));
        src.push_str("pass\n");
        src.push_str(&" ".repeat(i * 4 + 4));
        src.push_str("finally:\n");
        src.push_str(&" ".repeat(i * 4 + 8));
        src.push_str("break\n");
    }
    let _ = compile(&src, "<big>");
    let mut src = String::from("def f():\n");
    for i in 0..200 {
        src.push_str(&format!("    v{i} = {i}\n"));
    }
    ok(&src);
}

#[test]
fn deep_nesting_does_not_overflow() {
    for n in [50usize, 150, 2900, 5000, 100_000] {
        let chain = format!("x = {}1\n", "a + ".repeat(n));
        let r = compile(&chain, "<deep>");
        if n < 2900 {
            verify(&r.unwrap()).unwrap();
        } else if n > 3000 {
            let e = r.unwrap_err();
            assert!(e.msg.contains("recursion"), "{e:?}");
        }
        let unary = format!("x = {}1\n", "-".repeat(n));
        let _ = compile(&unary, "<deep>");
        let nested = format!("x = {}1{}\n", "[".repeat(n), "]".repeat(n));
        let _ = compile(&nested, "<deep>");
        let calls = format!("x = {}1{}\n", "f(".repeat(n), ")".repeat(n));
        let _ = compile(&calls, "<deep>");
        let broken = format!("x = {}1 +)\n", "a + ".repeat(n));
        assert!(compile(&broken, "<deep>").is_err());
    }
}
