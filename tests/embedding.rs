//! The program of docs/embedding.md, kept compiling and passing here. If you change
//! one, change the other.

use std::time::Duration;

use atoll::{Error, InterpreterConfig, Runtime};

fn guide() -> Result<(), Error> {
    // The process-wide registry of interpreters.
    let rt = Runtime::new();

    // An interpreter, configured: sys.argv, the GIL switch interval, limits.
    let config = InterpreterConfig {
        argv: vec!["job.py".into(), "--fast".into()],
        switch_interval: Duration::from_millis(2),
        recursion_limit: 200,
        ..InterpreterConfig::default()
    };
    let interp = rt.create_interpreter(config)?;
    interp.exec("import sys\nassert sys.argv == ['job.py', '--fast']")?;

    // Code runs in the interpreter's __main__, which persists between calls.
    interp.exec("def square(x):\n    return x * x\n")?;
    interp.exec("assert square(12) == 144")?;

    // An uncaught exception comes back as data, with CPython's traceback text.
    match interp.exec("square('a')") {
        Err(Error::Python(exc)) => {
            assert_eq!(exc.type_name, "TypeError");
            assert!(
                exc.traceback
                    .starts_with("Traceback (most recent call last):")
            );
            assert!(exc.traceback.contains("in square"));
        }
        other => panic!("expected a TypeError, got {other:?}"),
    }

    // Scripts may start threads; they share this interpreter's GIL.
    interp.exec(
        "import threading\n\
         out = []\n\
         ts = [threading.Thread(target=out.append, args=(k,)) for k in range(4)]\n\
         for t in ts:\n    t.start()\n\
         for t in ts:\n    t.join()\n\
         assert sorted(out) == [0, 1, 2, 3]\n",
    )?;
    println!(
        "GIL of interpreter {}: {:?}",
        interp.id(),
        interp.gil_stats()
    );

    // Parallelism: one interpreter per host thread. Each has its own GIL, so the
    // four run at the same time. `Interpreter` is Clone + Send + Sync.
    let workers: Vec<_> = (0..4)
        .map(|k| {
            let worker = rt.create_interpreter(InterpreterConfig::default())?;
            Ok(std::thread::spawn(move || -> Result<(), Error> {
                worker.exec(&format!(
                    "total = 0\nfor i in range(100000):\n    total += i % {}\n",
                    k + 2
                ))?;
                worker.close()
            }))
        })
        .collect::<Result<_, Error>>()?;
    assert_eq!(rt.len(), 5);
    for w in workers {
        w.join().expect("worker thread panicked")?;
    }
    assert_eq!(rt.len(), 1);

    // Handles can be looked up by id.
    let again = rt.get(interp.id()).expect("still open");
    again.exec("assert square(3) == 9")?;

    // close() joins the interpreter's non-daemon threads and frees its objects.
    interp.close()?;
    assert!(matches!(again.exec("pass"), Err(Error::Closed { .. })));
    assert_eq!(rt.len(), 0);
    Ok(())
    // Dropping `rt` would close any interpreter still open.
}

#[test]
fn embedding_guide_runs() {
    if let Err(err) = guide() {
        match err {
            Error::Python(exc) => panic!("{}\n{}: {}", exc.traceback, exc.type_name, exc.message),
            other => panic!("{other}"),
        }
    }
}

#[test]
fn dropping_the_runtime_closes_everything() {
    let rt = Runtime::new();
    let interp = rt
        .create_interpreter(InterpreterConfig::default())
        .expect("create interpreter");
    interp
        .exec("import threading, time\nthreading.Thread(target=time.sleep, args=(0.05,)).start()\n")
        .expect("exec");
    drop(rt);
    // The handle outlives the runtime; the interpreter behind it is closed.
    assert!(matches!(interp.exec("pass"), Err(Error::Closed { .. })));
    assert_eq!(interp.thread_count(), 0);
}
