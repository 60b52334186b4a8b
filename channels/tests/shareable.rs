//! `Shareable`: conversions, Python equality and hashing, dict and set
//! semantics, `repr`, and copy semantics.

use std::collections::HashSet;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;

use atoll_channels::{ConversionError, Dict, Queue, Set, Shareable};
use num_bigint::BigInt;

fn big(s: &str) -> BigInt {
    s.parse().unwrap()
}

#[test]
fn shareable_and_queue_are_send_and_sync() {
    fn check<T: Send + Sync + 'static>() {}
    check::<Shareable>();
    check::<Queue>();
    check::<Dict>();
    check::<Set>();
}

#[test]
fn shareable_stays_small() {
    // Items sit in queue slots by value: keep the enum at 40 bytes.
    assert!(
        std::mem::size_of::<Shareable>() <= 40,
        "{}",
        std::mem::size_of::<Shareable>()
    );
}

#[test]
fn scalars_round_trip() {
    for i in [0, 1, -1, i64::MIN, i64::MAX] {
        assert_eq!(i64::try_from(Shareable::from(i)), Ok(i));
    }
    assert_eq!(u64::try_from(Shareable::from(u64::MAX)), Ok(u64::MAX));
    assert!(matches!(Shareable::from(u64::MAX), Shareable::BigInt(_)));
    assert!(matches!(
        Shareable::from(u64::from(u32::MAX)),
        Shareable::Int(_)
    ));
    assert_eq!(i128::try_from(Shareable::from(i128::MIN)), Ok(i128::MIN));
    let huge = big("123456789012345678901234567890123456789012345678901234567890");
    assert_eq!(BigInt::try_from(Shareable::from(huge.clone())), Ok(huge));
    // A big int that fits in an i64 is normalised.
    assert!(matches!(
        Shareable::from(BigInt::from(5)),
        Shareable::Int(5)
    ));

    assert_eq!(bool::try_from(Shareable::from(true)), Ok(true));
    for f in [0.0, -0.0, 1.5, f64::INFINITY, f64::MIN_POSITIVE] {
        assert_eq!(
            f64::try_from(Shareable::from(f)).map(f64::to_bits),
            Ok(f.to_bits())
        );
    }
    assert!(f64::try_from(Shareable::from(f64::NAN)).unwrap().is_nan());
    assert_eq!(
        String::try_from(Shareable::from("héllo")),
        Ok("héllo".to_owned())
    );
    assert_eq!(
        String::try_from(Shareable::from(String::from("x"))),
        Ok("x".to_owned())
    );
    assert_eq!(
        Vec::<u8>::try_from(Shareable::from(vec![0u8, 255])),
        Ok(vec![0, 255])
    );
    assert_eq!(Shareable::from('é'), Shareable::from("é"));
    let s: Arc<str> = Arc::from("shared");
    assert!(Arc::ptr_eq(
        &Arc::<str>::try_from(Shareable::from(s.clone())).unwrap(),
        &s
    ));
}

#[test]
fn containers_round_trip() {
    let list = Shareable::from(vec![1, 2, 3]);
    assert!(matches!(list, Shareable::List(_)));
    let items = Vec::<Shareable>::try_from(list).unwrap();
    let ints: Vec<i64> = items
        .into_iter()
        .map(|v| i64::try_from(v).unwrap())
        .collect();
    assert_eq!(ints, [1, 2, 3]);

    let bytes = Shareable::from(vec![1u8, 2]);
    assert!(matches!(bytes, Shareable::Bytes(_)));

    let tuple = Shareable::from((1, "a", 2.5, None::<i64>));
    assert_eq!(tuple.to_string(), "(1, 'a', 2.5, None)");
    assert_eq!(Vec::<Shareable>::try_from(tuple).unwrap().len(), 4);

    let dict = Dict::from_pairs([("k", 1)]).unwrap();
    assert_eq!(Dict::try_from(Shareable::from(dict.clone())), Ok(dict));
    let set = Set::from_items([1, 2]).unwrap();
    assert_eq!(Set::try_from(Shareable::FrozenSet(set.clone())), Ok(set));

    let q = Queue::new(0);
    assert_eq!(Queue::try_from(Shareable::from(q.clone())), Ok(q));
}

#[test]
fn conversion_errors_name_the_types() {
    assert_eq!(
        i64::try_from(Shareable::from(1.0)),
        Err(ConversionError::WrongType {
            expected: "int",
            found: "float"
        })
    );
    assert_eq!(
        String::try_from(Shareable::from(vec![1u8])),
        Err(ConversionError::WrongType {
            expected: "str",
            found: "bytes"
        })
    );
    assert_eq!(
        bool::try_from(Shareable::from(1)),
        Err(ConversionError::WrongType {
            expected: "bool",
            found: "int"
        })
    );
    assert_eq!(
        u64::try_from(Shareable::from(-1)),
        Err(ConversionError::OutOfRange { target: "u64" })
    );
    assert_eq!(
        i64::try_from(Shareable::from(u64::MAX)),
        Err(ConversionError::OutOfRange { target: "i64" })
    );
    let ten_to_400 = BigInt::from(10).pow(400);
    assert_eq!(
        f64::try_from(Shareable::from(ten_to_400)),
        Err(ConversionError::OutOfRange { target: "f64" })
    );
    // bool is an int; int converts to float as float() does.
    assert_eq!(i64::try_from(Shareable::from(true)), Ok(1));
    assert_eq!(f64::try_from(Shareable::from(3)), Ok(3.0));
}

#[test]
fn numbers_compare_and_hash_across_types() {
    let state = RandomState::new();
    let h = |v: &Shareable| state.hash_one(v);
    let one = [
        Shareable::from(1),
        Shareable::from(1.0),
        Shareable::from(true),
        Shareable::complex(1.0, 0.0),
        Shareable::complex(1.0, -0.0),
        Shareable::BigInt(Arc::new(BigInt::from(1))), // not normalised on purpose
    ];
    for a in &one {
        for b in &one {
            assert_eq!(a, b, "{a} == {b}");
            assert_eq!(h(a), h(b), "hash({a}) == hash({b})");
        }
    }
    assert_eq!(Shareable::from(0.0), Shareable::from(-0.0));
    assert_eq!(h(&Shareable::from(0.0)), h(&Shareable::from(-0.0)));
    assert_eq!(Shareable::from(false), Shareable::from(0));

    // Exact comparison of ints and floats, without rounding the int.
    let two_53 = 2f64.powi(53);
    assert_ne!(Shareable::from((1i64 << 53) + 1), Shareable::from(two_53));
    assert_eq!(Shareable::from(1i64 << 53), Shareable::from(two_53));
    assert_ne!(Shareable::from(i64::MAX), Shareable::from(2f64.powi(63)));
    let two_64 = Shareable::from(BigInt::from(1) << 64);
    assert_eq!(two_64, Shareable::from(2f64.powi(64)));
    assert_eq!(h(&two_64), h(&Shareable::from(2f64.powi(64))));
    assert_ne!(
        Shareable::from((BigInt::from(1) << 64) + 1),
        Shareable::from(2f64.powi(64))
    );
    assert_eq!(Shareable::from(i64::MIN), Shareable::from(-(2f64.powi(63))));

    // Non-integral and special floats.
    assert_ne!(Shareable::from(0.5), Shareable::from(0));
    assert_eq!(Shareable::from(f64::NAN), Shareable::from(-f64::NAN));
    assert_eq!(
        h(&Shareable::from(f64::NAN)),
        h(&Shareable::from(-f64::NAN))
    );
    assert_ne!(
        Shareable::from(f64::INFINITY),
        Shareable::from(f64::NEG_INFINITY)
    );
    assert_ne!(Shareable::complex(1.0, 1.0), Shareable::from(1));
    assert_eq!(Shareable::complex(0.5, 2.0), Shareable::complex(0.5, 2.0));

    // Different types otherwise differ.
    assert_ne!(Shareable::from("1"), Shareable::from(1));
    assert_ne!(Shareable::from("a"), Shareable::from(&b"a"[..]));
    assert_ne!(Shareable::from((1,)), Shareable::list([1]));
    assert_ne!(Shareable::None, Shareable::from(0));
    assert_eq!(Shareable::Unbound, Shareable::Unbound);
}

#[test]
fn dict_keys_follow_python() {
    let mut d = Dict::new();
    d.insert(1, "a").unwrap();
    d.insert(true, "b").unwrap();
    d.insert(1.0, "c").unwrap();
    assert_eq!(d.len(), 1);
    assert_eq!(d.to_string(), "{1: 'c'}");

    // Hashable keys: tuples of hashables, frozensets, None, queues.
    let fs = Shareable::frozenset([1, 2]).unwrap();
    let q = Queue::new(0);
    for key in [
        Shareable::tuple([1, 2]),
        fs.clone(),
        Shareable::None,
        Shareable::from(q.clone()),
    ] {
        d.insert(key, 0).unwrap();
    }
    assert_eq!(
        d.get(&Shareable::frozenset([2, 1]).unwrap()),
        Some(&Shareable::Int(0))
    );
    assert!(d.contains_key(&Shareable::from(q)));

    // Unhashable keys are refused, naming the type.
    for (key, name) in [
        (Shareable::list([1]), "list"),
        (Shareable::dict([(1, 1)]).unwrap(), "dict"),
        (Shareable::set([1]).unwrap(), "set"),
        (
            Shareable::tuple([Shareable::tuple([Shareable::list([1])])]),
            "list",
        ),
    ] {
        let err = d.insert(key, 0).unwrap_err();
        assert_eq!(err.type_name, name);
    }
    assert_eq!(d.len(), 5);
}

#[test]
fn large_dicts_and_sets_use_the_index_correctly() {
    let n = 2000;
    let mut d = Dict::new();
    for i in 0..n {
        assert_eq!(d.insert(format!("k{i}"), i).unwrap(), None);
    }
    for i in 0..n {
        assert_eq!(d.get(&format!("k{i}").into()), Some(&Shareable::from(i)));
    }
    assert_eq!(d.insert("k7", -1).unwrap(), Some(Shareable::Int(7)));
    assert_eq!(d.len(), n as usize);
    // Removal keeps order and lookups keep working, down through the
    // linear-search threshold.
    for i in (0..n).filter(|i| i % 3 != 0) {
        assert!(d.remove(&format!("k{i}").into()).is_some());
    }
    let keys: Vec<String> = d.keys().map(|k| k.as_str().unwrap().to_owned()).collect();
    let expected: Vec<String> = (0..n)
        .filter(|i| i % 3 == 0)
        .map(|i| format!("k{i}"))
        .collect();
    assert_eq!(keys, expected);
    for i in 0..n {
        assert_eq!(d.contains_key(&format!("k{i}").into()), i % 3 == 0);
    }
    loop {
        let Some(k) = d.keys().next().cloned() else {
            break;
        };
        d.remove(&k).unwrap();
        if let Some(k2) = d.keys().last() {
            assert!(d.contains_key(k2));
        }
    }
    assert!(d.is_empty());

    let mut s = Set::new();
    for i in 0..n {
        assert!(s.insert(i).unwrap());
        assert!(!s.insert(f64::from(i)).unwrap());
    }
    assert_eq!(s.len(), n as usize);
    assert!(s.contains(&Shareable::from(1999.0)));
    assert!(!s.contains(&Shareable::from(1999.5)));
}

#[test]
fn dict_and_set_equality_ignore_order() {
    let state = RandomState::new();
    let a = Shareable::dict([("x", 1), ("y", 2)]).unwrap();
    let b = Shareable::dict([("y", 2), ("x", 1)]).unwrap();
    let c = Shareable::dict([("y", Shareable::from(2)), ("x", Shareable::from(1.5))]).unwrap();
    assert_eq!(a, b);
    assert_eq!(state.hash_one(&a), state.hash_one(&b));
    assert_ne!(a, c);
    assert_eq!(a.to_string(), "{'x': 1, 'y': 2}");
    assert_eq!(b.to_string(), "{'y': 2, 'x': 1}");

    let s = Shareable::set([1, 2, 3]).unwrap();
    let f = Shareable::frozenset([3, 2, 1]).unwrap();
    assert_eq!(s, f);
    assert_eq!(state.hash_one(&s), state.hash_one(&f));
    assert_ne!(s, Shareable::set([1, 2]).unwrap());

    // Frozensets work as keys in std collections. (Clippy sees the queue
    // handles a Shareable may hold as interior mutability, but a queue
    // hashes by its immutable id.)
    #[allow(clippy::mutable_key_type)]
    let mut seen = HashSet::new();
    seen.insert(f.clone());
    assert!(seen.contains(&Shareable::frozenset([2, 3, 1]).unwrap()));
}

#[test]
fn float_repr_matches_cpython() {
    // Expected values printed by CPython 3.11.
    let cases = [
        (0.0, "0.0"),
        (-0.0, "-0.0"),
        (1.0, "1.0"),
        (0.1, "0.1"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (123456789012345678.0, "1.2345678901234568e+17"),
        (1.5e-5, "1.5e-05"),
        (0.0001, "0.0001"),
        (0.00012345, "0.00012345"),
        (1e300, "1e+300"),
        (5e-324, "5e-324"),
        (2.5, "2.5"),
        (-1.25e-7, "-1.25e-07"),
        (1.0 / 3.0, "0.3333333333333333"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (9007199254740993.0, "9007199254740992.0"),
        (1e22, "1e+22"),
        (123.456, "123.456"),
    ];
    for (f, repr) in cases {
        assert_eq!(Shareable::from(f).to_string(), repr, "repr({f:?})");
    }
}

#[test]
fn complex_repr_matches_cpython() {
    let cases = [
        ((0.0, 1.0), "1j"),
        ((-0.0, -1.0), "(-0-1j)"),
        ((1.0, 2.0), "(1+2j)"),
        ((-0.0, 1.0), "(-0+1j)"),
        ((1.0, -0.0), "(1-0j)"),
        ((0.0, 0.0), "0j"),
        ((-0.0, -0.0), "(-0-0j)"),
        ((1e16, 1.0), "(1e+16+1j)"),
        ((f64::NAN, f64::INFINITY), "(nan+infj)"),
        ((1.5, -2.25), "(1.5-2.25j)"),
        ((0.0, f64::NAN), "nanj"),
    ];
    for ((re, im), repr) in cases {
        assert_eq!(Shareable::complex(re, im).to_string(), repr);
    }
}

#[test]
fn str_and_bytes_repr_match_cpython() {
    assert_eq!(Shareable::from("a'b").to_string(), r#""a'b""#);
    assert_eq!(Shareable::from("a'\"b").to_string(), r#"'a\'"b'"#);
    assert_eq!(
        Shareable::from("\0\x7f\u{80}\u{a0}\u{ad}\u{2028}\u{e000}\u{f0000}é€😀\u{200b}\t\n\r\\")
            .to_string(),
        r"'\x00\x7f\x80\xa0\xad\u2028\ue000\U000f0000é€😀\u200b\t\n\r\\'"
    );
    assert_eq!(
        Shareable::from(&b"a'\"\x00\xff"[..]).to_string(),
        r#"b'a\'"\x00\xff'"#
    );
    assert_eq!(Shareable::from(&b"it's"[..]).to_string(), r#"b"it's""#);
}

#[test]
fn container_repr_matches_cpython() {
    let row = Shareable::dict([
        (Shareable::from("id"), Shareable::from(1)),
        (Shareable::from("name"), Shareable::from("x")),
    ])
    .unwrap();
    assert_eq!(row.to_string(), "{'id': 1, 'name': 'x'}");
    assert_eq!(format!("{row:?}"), "{'id': 1, 'name': 'x'}");
    assert_eq!(Shareable::tuple([1]).to_string(), "(1,)");
    assert_eq!(Shareable::tuple(Vec::<i64>::new()).to_string(), "()");
    assert_eq!(Shareable::list(Vec::<i64>::new()).to_string(), "[]");
    assert_eq!(Shareable::from(Dict::new()).to_string(), "{}");
    assert_eq!(
        Shareable::set(Vec::<i64>::new()).unwrap().to_string(),
        "set()"
    );
    assert_eq!(
        Shareable::frozenset(Vec::<i64>::new()).unwrap().to_string(),
        "frozenset()"
    );
    assert_eq!(
        Shareable::frozenset([1, 2]).unwrap().to_string(),
        "frozenset({1, 2})"
    );
    assert_eq!(Shareable::from(true).to_string(), "True");
    assert_eq!(Shareable::None.to_string(), "None");
    assert_eq!(
        Shareable::from(big("-98765432109876543210")).to_string(),
        "-98765432109876543210"
    );
    let nested = Shareable::list([
        Shareable::tuple([Shareable::None, Shareable::from(1.0)]),
        Shareable::dict([((1, 2), Shareable::list(["a"]))]).unwrap(),
    ]);
    assert_eq!(nested.to_string(), "[(None, 1.0), {(1, 2): ['a']}]");
    let q = Queue::new(0);
    assert_eq!(
        Shareable::from(q.clone()).to_string(),
        format!("Queue({})", q.id())
    );
    assert_eq!(
        Shareable::Unbound.to_string(),
        "concurrent.interpreters._queues.UNBOUND"
    );
}

#[test]
fn clone_copies_containers_and_shares_immutable_payloads() {
    let mut original = vec![Shareable::from(1), Shareable::list([2])];
    let sent = Shareable::List(original.clone());
    original.push(Shareable::from(3));
    if let Shareable::List(inner) = &mut original[1] {
        inner.push(Shareable::from(99));
    }
    assert_eq!(sent.to_string(), "[1, [2]]");

    let text = Shareable::from("a long immutable payload");
    let copy = text.clone();
    match (&text, &copy) {
        (Shareable::Str(a), Shareable::Str(b)) => assert!(Arc::ptr_eq(a, b)),
        _ => unreachable!(),
    }
}

#[test]
fn queue_items_are_copies_of_what_was_put() {
    let q = Queue::new(0);
    let mut row = Dict::new();
    row.insert("n", 1).unwrap();
    q.put(row.clone(), None).unwrap();
    // Changing the sender's dict after the put does not reach the queue.
    row.insert("n", 2).unwrap();
    row.insert("extra", true).unwrap();
    let got = q.get(None).unwrap();
    assert_eq!(got.to_string(), "{'n': 1}");
    // And the receiver owns what it got.
    let mut got = Dict::try_from(got).unwrap();
    got.insert("n", 3).unwrap();
    assert_eq!(row.get(&"n".into()), Some(&Shareable::Int(2)));
}

#[test]
fn accessors() {
    assert_eq!(Shareable::from(5).as_i64(), Some(5));
    assert_eq!(Shareable::from(5).as_f64(), None);
    assert_eq!(Shareable::from("s").as_str(), Some("s"));
    assert_eq!(Shareable::from(&b"b"[..]).as_bytes(), Some(&b"b"[..]));
    assert_eq!(Shareable::list([1, 2]).as_slice().map(<[_]>::len), Some(2));
    assert!(Shareable::dict([(1, 1)]).unwrap().as_dict().is_some());
    assert!(Shareable::set([1]).unwrap().as_set().is_some());
    assert!(Shareable::from(1).as_queue().is_none());
    let collected: Shareable = ["a", "b"].into_iter().collect();
    assert_eq!(collected.type_name(), "list");
    assert_eq!(Shareable::complex(1.0, 1.0).type_name(), "complex");
}
