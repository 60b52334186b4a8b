# f-strings and format specs.
name = "atoll"
n = 42
x = 3.14159
print(f"{name} has {n} items")
print(f"{n:5d}|{n:<5}|{n:>5}|{n:^6}|")
print(f"{x:.2f} {x:10.3f} {x:e}")
print(f"{n:x} {n:o} {n:b} {n:08b} {255:#x}")
print(f"{name!r} {name.upper()} {n * 2} {[1, 2][0]}")
print(f"{1000000:,} {0.25:.0%}")
print(f"{'nested'} {{braces}}")
