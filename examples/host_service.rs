//! A Rust service that answers requests by calling into a pool of
//! interpreters: a pool of Rust worker threads takes requests from a channel,
//! borrows an idle interpreter, calls the request handler written in Python
//! (`Interpreter::call`) with the request as shareable data, and returns the
//! interpreter to the pool.
//!
//! ```text
//! cargo run --release --example host_service
//! ```

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use atoll::{Interpreter, InterpreterConfig, Queue, Runtime, Shareable};

/// Hosts choose their allocator; this one allocates through mimalloc, as the
/// `atoll` command does (interpreters on many threads allocate many small objects).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

const INTERPRETERS: usize = 2;
const RUST_THREADS: usize = 4;
const REQUESTS: i64 = 2_000;

const HANDLER: &str = r#"
served = 0

def handle(request):
    global served
    served += 1
    words = request['text'].split()
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
    return {'id': request['id'], 'words': len(words), 'top': top, 'served_here': served}
"#;

const TEXT: &str = "the quick brown fox jumps over the lazy dog and the dog sleeps";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let rt = Runtime::new();
    // the pool of idle interpreters: a queue of their indexes
    let idle = Queue::new(0);
    let interps: Vec<Interpreter> = (0..INTERPRETERS)
        .map(|k| -> Result<Interpreter, atoll::Error> {
            let i = rt.create_interpreter(InterpreterConfig::default())?;
            i.exec(HANDLER)?;
            idle.put(k as i64, None).expect("pool queue");
            Ok(i)
        })
        .collect::<Result<_, _>>()?;
    let interps = Arc::new(interps);

    let (tx, rx) = mpsc::channel::<Shareable>();
    let rx = Arc::new(Mutex::new(rx));
    let start = Instant::now();
    let workers: Vec<_> = (0..RUST_THREADS)
        .map(|_| {
            let (rx, interps, idle) = (rx.clone(), interps.clone(), idle.clone());
            std::thread::spawn(move || -> Vec<i64> {
                let mut served = vec![0; INTERPRETERS];
                loop {
                    let request = match rx.lock().expect("request channel").recv() {
                        Ok(r) => r,
                        Err(_) => return served,
                    };
                    let k = i64::try_from(idle.get(None).expect("pool")).expect("index") as usize;
                    let reply = interps[k].call("handle", &[request]);
                    idle.put(k as i64, None).expect("pool");
                    let reply = reply.expect("handler failed");
                    let d = reply.as_dict().expect("a dict reply");
                    assert_eq!(d.get(&"words".into()), Some(&Shareable::Int(13)));
                    served[k] += 1;
                }
            })
        })
        .collect();
    for id in 0..REQUESTS {
        let req = Shareable::dict([("id", Shareable::from(id)), ("text", TEXT.into())])?;
        tx.send(req)?;
    }
    drop(tx);
    let mut per_interp = [0; INTERPRETERS];
    for w in workers {
        for (k, n) in w.join().expect("worker").into_iter().enumerate() {
            per_interp[k] += n;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    println!(
        "{REQUESTS} requests on {RUST_THREADS} Rust threads over {INTERPRETERS} interpreters: {elapsed:.3} s ({:.0} requests/s)",
        REQUESTS as f64 / elapsed
    );
    for (k, i) in interps.iter().enumerate() {
        let sample = i.call(
            "handle",
            &[Shareable::dict([
                ("id", Shareable::from(-1)),
                ("text", TEXT.into()),
            ])?],
        )?;
        println!(
            "interpreter {}: served {} (last reply {sample})",
            i.id(),
            per_interp[k]
        );
    }
    for i in interps.iter() {
        i.close()?;
    }
    Ok(())
}
