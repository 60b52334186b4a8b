//! Isolation between interpreters through `concurrent.interpreters`: what
//! crosses is a copy, unshareable objects are refused before anything is
//! enqueued, an exception in one interpreter leaves the others alone, and the
//! items of a closed interpreter follow the queue's `unbounditems` policy.

mod common;

use atoll::{InterpreterConfig, Runtime, Shareable};
use common::exec;

fn setup() -> (Runtime, atoll::Interpreter) {
    let rt = Runtime::new();
    let main = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("main interpreter");
    exec(&main, "from concurrent import interpreters");
    (rt, main)
}

#[test]
fn mutating_after_put_never_changes_what_the_other_side_got() {
    let (_rt, main) = setup();
    exec(
        &main,
        r#"
q = interpreters.create_queue()
sub = interpreters.create()
sub.prepare_main(q=q)
data = {'xs': [1, 2, 3], 'inner': {'n': 1}, 's': {1, 2}}
q.put(data)
sub_list = [10, [20]]
data['xs'].append(4)
data['inner']['n'] = 99
data['s'].add(3)
del data
# the sub side reads what was put, then mutates its own copy and sends it back
sub.exec('''if True:
    got = q.get()
    assert got == {'xs': [1, 2, 3], 'inner': {'n': 1}, 's': {1, 2}}, got
    keep = got
    q.put(got)
    got['xs'].clear()
''')
back = q.get()
assert back == {'xs': [1, 2, 3], 'inner': {'n': 1}, 's': {1, 2}}, back
sub.exec("assert keep['xs'] == [], keep")
# prepare_main copies too
shared = [1, 2]
sub.prepare_main(shared=shared)
shared.append(3)
sub.exec("assert shared == [1, 2], shared")
sub.close()
"#,
    );
}

#[test]
fn unshareable_objects_are_refused_naming_the_type_and_nothing_is_enqueued() {
    let (_rt, main) = setup();
    exec(
        &main,
        r#"
import threading
def make_closure():
    x = 1
    def f():
        return x
    return f
class User:
    pass
q = interpreters.create_queue()
cases = [(make_closure(), 'function'), (User(), 'User'), (threading.Lock(), 'lock'),
         ([1, User()], 'User'), ({'k': (1, make_closure())}, 'function')]
for obj, tname in cases:
    try:
        q.put(obj)
    except interpreters.NotShareableError as e:
        assert isinstance(e, TypeError)
        assert ("'%s'" % tname) in str(e), str(e)
    else:
        raise AssertionError('put accepted %r' % (obj,))
    assert q.qsize() == 0 and q.empty()
    try:
        q.put_nowait(obj)
    except interpreters.NotShareableError:
        pass
    assert q.qsize() == 0
sub = interpreters.create()
try:
    sub.prepare_main(a=1, b=User())
except interpreters.NotShareableError as e:
    assert "'User'" in str(e)
try:
    sub.exec('a')
except interpreters.ExecutionFailed as e:
    assert e.excinfo.type.__name__ == 'NameError'
else:
    raise AssertionError('prepare_main bound a name before failing')
try:
    sub.call(make_closure())
except interpreters.NotShareableError as e:
    assert 'closure' in str(e)
sub.close()
"#,
    );
}

#[test]
fn an_exception_in_one_interpreter_leaves_others_untouched() {
    let (_rt, main) = setup();
    exec(
        &main,
        r#"
a = interpreters.create()
b = interpreters.create()
a.exec('state = {"n": 1}')
b.exec('state = {"n": 2}')
try:
    a.exec('state["n"] = 100\nraise RuntimeError("a broke")')
except interpreters.ExecutionFailed as e:
    assert e.excinfo.type.__name__ == 'RuntimeError'
    assert e.excinfo.msg == 'a broke'
b.exec('assert state == {"n": 2}, state')
a.exec('assert state == {"n": 100}, state')
# a broken interpreter keeps working, and so does the caller
a.exec('state["n"] += 1')
a.exec('assert state["n"] == 101')
x = 5
assert x == 5
a.close()
b.exec('assert state["n"] == 2')
b.close()
"#,
    );
}

#[test]
fn closed_interpreter_items_follow_unbounditems() {
    let (_rt, main) = setup();
    exec(
        &main,
        r#"
from concurrent.interpreters import _queues
qs = {
    'replace': interpreters.create_queue(),
    'error': interpreters.create_queue(unbounditems=_queues.UNBOUND_ERROR),
    'remove': interpreters.create_queue(4, unbounditems=_queues.UNBOUND_REMOVE),
}
sub = interpreters.create()
sub.prepare_main(qs=qs)
sub.exec('for q in qs.values():\n    q.put("from sub")')
for q in qs.values():
    q.put('from main')
assert all(q.qsize() == 2 for q in qs.values())
sub.close()
q = qs['replace']
assert q.qsize() == 2
assert q.get() is _queues.UNBOUND
assert q.get() == 'from main'
q = qs['error']
try:
    q.get()
except _queues.ItemInterpreterDestroyed:
    pass
else:
    raise AssertionError('no ItemInterpreterDestroyed')
assert q.get() == 'from main'
q = qs['remove']
assert q.qsize() == 1
assert q.get() == 'from main'
assert q.empty()
"#,
    );
}

#[test]
fn queues_cross_by_identity_and_data_by_copy_from_rust() {
    let rt = Runtime::new();
    let a = rt.create_interpreter(InterpreterConfig::default()).unwrap();
    let q = atoll::Queue::new(0);
    a.prepare_main(&[("q", Shareable::from(q.clone()))])
        .unwrap();
    exec(&a, "q.put(('hello', [1, 2]))\nq.put(q)");
    assert_eq!(q.get(None).unwrap().to_string(), "('hello', [1, 2])");
    assert_eq!(q.get(None).unwrap().as_queue(), Some(&q));
}
