//! The combinatoric iterators of `itertools`: `product`, `permutations`,
//! `combinations` and `combinations_with_replacement`. Each reads its input into a
//! pool when created and walks index vectors in Rust, in CPython's order.

use crate::object::Value;
use crate::vm::{Args, PyResult, Vm};

use super::itertools::{It, bind, new_it, ssize_arg};

/// The tuple of the pool items at `indices`.
fn pick(pool: &[Value], indices: &[usize]) -> Value {
    Value::tuple(indices.iter().map(|&i| pool[i].clone()).collect())
}

/// `product(*iterables, repeat=1)`.
pub(crate) struct Product {
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    /// Nothing produced yet.
    first: bool,
    done: bool,
}

impl Product {
    pub(crate) fn next(&mut self) -> Option<Value> {
        if self.done {
            return None;
        }
        if self.first {
            self.first = false;
        } else {
            // Advance the rightmost index that can move, resetting those after it.
            let mut i = self.pools.len();
            loop {
                if i == 0 {
                    self.done = true;
                    return None;
                }
                i -= 1;
                self.indices[i] += 1;
                if self.indices[i] < self.pools[i].len() {
                    break;
                }
                self.indices[i] = 0;
            }
        }
        Some(Value::tuple(
            self.pools
                .iter()
                .zip(&self.indices)
                .map(|(p, &i)| p[i].clone())
                .collect(),
        ))
    }
}

pub(crate) fn product_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let mut repeat = 1i64;
    let kw: Vec<(&str, &Value)> = args.kw().collect();
    if kw.len() > 1 {
        return Err(vm.type_error(format!(
            "product() takes at most 1 keyword argument ({} given)",
            kw.len()
        )));
    }
    if let Some((k, v)) = kw.first() {
        if *k != "repeat" {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for product()"
            )));
        }
        repeat = ssize_arg(vm, v)?;
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    let mut base = Vec::new();
    for x in &args.pos()[1..] {
        base.push(vm.collect(x)?);
    }
    let n = (base.len() as u64).saturating_mul(repeat as u64);
    if n > isize::MAX as u64 / 64 {
        return Err(vm.overflow_error("repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(n as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let done = pools.iter().any(Vec::is_empty);
    let indices = vec![0; pools.len()];
    let state = It::Product(Product {
        pools,
        indices,
        first: true,
        done,
    });
    Ok(new_it(vm, &args.all[0], "itertools.product", state))
}

/// `permutations(iterable, r=None)`.
pub(crate) struct Permutations {
    pool: Vec<Value>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    first: bool,
    done: bool,
}

impl Permutations {
    pub(crate) fn next(&mut self) -> Option<Value> {
        if self.done {
            return None;
        }
        let n = self.pool.len();
        let r = self.r;
        if self.first {
            self.first = false;
            return Some(pick(&self.pool, &self.indices[..r]));
        }
        if n == 0 {
            self.done = true;
            return None;
        }
        // Decrement the rightmost cycle that does not run out, rotating the
        // indices behind each one that does.
        let mut i = r;
        while i > 0 {
            i -= 1;
            self.cycles[i] -= 1;
            if self.cycles[i] == 0 {
                self.indices[i..].rotate_left(1);
                self.cycles[i] = n - i;
            } else {
                let j = self.cycles[i];
                self.indices.swap(i, n - j);
                return Some(pick(&self.pool, &self.indices[..r]));
            }
        }
        self.done = true;
        None
    }
}

pub(crate) fn permutations_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = bind(vm, &args, "permutations", &["iterable", "r"], 0, 1)?;
    let pool = vm.collect(b[0].as_ref().unwrap_or(&Value::None))?;
    let n = pool.len();
    let r = match &b[1] {
        None | Some(Value::None) => n as i64,
        Some(v @ (Value::Int(_) | Value::BoolW(_) | Value::BigInt(_))) => ssize_arg(vm, v)?,
        Some(_) => return Err(vm.type_error("Expected int as r")),
    };
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let done = r as u64 > n as u64;
    let r = if done { 0 } else { r as usize };
    let state = It::Permutations(Permutations {
        pool,
        r,
        indices: (0..n).collect(),
        cycles: (0..r).map(|i| n - i).collect(),
        first: true,
        done,
    });
    Ok(new_it(vm, &args.all[0], "itertools.permutations", state))
}

/// `combinations(iterable, r)`.
pub(crate) struct Combinations {
    pool: Vec<Value>,
    indices: Vec<usize>,
    first: bool,
    done: bool,
}

impl Combinations {
    pub(crate) fn next(&mut self) -> Option<Value> {
        if self.done {
            return None;
        }
        if self.first {
            self.first = false;
            return Some(pick(&self.pool, &self.indices));
        }
        let n = self.pool.len();
        let r = self.indices.len();
        // The rightmost index not yet at its maximum, i + n - r.
        let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else {
            self.done = true;
            return None;
        };
        self.indices[i] += 1;
        for j in i + 1..r {
            self.indices[j] = self.indices[j - 1] + 1;
        }
        Some(pick(&self.pool, &self.indices))
    }
}

/// The `iterable` and `r` arguments of the combinations constructors.
fn pool_and_r(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Vec<Value>, usize, bool)> {
    let b = bind(vm, args, name, &["iterable", "r"], 0, 2)?;
    let r = ssize_arg(vm, b[1].as_ref().unwrap_or(&Value::None))?;
    let pool = vm.collect(b[0].as_ref().unwrap_or(&Value::None))?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let too_many = r as u64 > pool.len() as u64;
    Ok((pool, r as usize, too_many))
}

pub(crate) fn combinations_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (pool, r, done) = pool_and_r(vm, &args, "combinations")?;
    let indices = if done { Vec::new() } else { (0..r).collect() };
    let state = It::Combinations(Combinations {
        pool,
        indices,
        first: true,
        done,
    });
    Ok(new_it(vm, &args.all[0], "itertools.combinations", state))
}

/// `combinations_with_replacement(iterable, r)`.
pub(crate) struct CombinationsWr {
    pool: Vec<Value>,
    indices: Vec<usize>,
    first: bool,
    done: bool,
}

impl CombinationsWr {
    pub(crate) fn next(&mut self) -> Option<Value> {
        if self.done {
            return None;
        }
        if self.first {
            self.first = false;
            return Some(pick(&self.pool, &self.indices));
        }
        let n = self.pool.len();
        let r = self.indices.len();
        let Some(i) = (0..r).rev().find(|&i| self.indices[i] != n - 1) else {
            self.done = true;
            return None;
        };
        let v = self.indices[i] + 1;
        for x in &mut self.indices[i..] {
            *x = v;
        }
        Some(pick(&self.pool, &self.indices))
    }
}

pub(crate) fn cwr_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (pool, r, _) = pool_and_r(vm, &args, "combinations_with_replacement")?;
    let done = pool.is_empty() && r > 0;
    if !done {
        vm.check_room(r.checked_mul(std::mem::size_of::<usize>()))?;
    }
    let indices = if done { Vec::new() } else { vec![0; r] };
    let state = It::CombinationsWr(CombinationsWr {
        pool,
        indices,
        first: true,
        done,
    });
    Ok(new_it(
        vm,
        &args.all[0],
        "itertools.combinations_with_replacement",
        state,
    ))
}
