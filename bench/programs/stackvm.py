"""A small stack virtual machine: an assembler for a textual assembly
language with labels, and an interpreter loop with a value stack, a call
stack, local variables and jumps.

Three programs are assembled and run: an iterative Fibonacci modulo a prime,
a sieve-free prime count by trial division, and a recursive Ackermann-like
function with calls. SCALE sets the problem sizes. The program prints the
results, the number of instructions executed, and an opcode histogram.
"""

import sys

DEFAULT_SCALE = 8


class VMError(Exception):
    pass


FIB = """
; fib(n) mod 1000007, iteratively; n in local 0
        load 0
        store 9         ; n
        push 0
        store 1         ; a
        push 1
        store 2         ; b
loop:   load 9
        jz done
        load 1
        load 2
        add
        push 1000007
        mod
        load 2
        store 1
        store 2
        load 9
        push 1
        sub
        store 9
        jmp loop
done:   load 1
        ret
"""

PRIMES = """
; count primes below n (local 0) by trial division
        push 0
        store 1         ; count
        push 2
        store 2         ; candidate
outer:  load 2
        load 0
        lt
        jz finish
        push 2
        store 3         ; divisor
inner:  load 3
        load 3
        mul
        load 2
        gt
        jnz prime
        load 2
        load 3
        mod
        jz next
        load 3
        push 1
        add
        store 3
        jmp inner
prime:  load 1
        push 1
        add
        store 1
next:   load 2
        push 1
        add
        store 2
        jmp outer
finish: load 1
        ret
"""

TAK = """
; tak(x, y, z) = y < x ? tak(tak(x-1,y,z), tak(y-1,z,x), tak(z-1,x,y)) : z
        load 1
        load 0
        lt
        jz base
        load 0
        push 1
        sub
        load 1
        load 2
        call tak 3
        load 1
        push 1
        sub
        load 2
        load 0
        call tak 3
        load 2
        push 1
        sub
        load 0
        load 1
        call tak 3
        call tak 3
        ret
base:   load 2
        ret
"""


class Instr:
    def __init__(self, op, arg, arg2):
        self.op = op
        self.arg = arg
        self.arg2 = arg2

    def __repr__(self):
        return "%s %s" % (self.op, self.arg)


def assemble(source, functions):
    """Two passes: collect labels, then resolve jump targets to indexes."""
    lines = []
    labels = {}
    for raw in source.splitlines():
        line = raw.split(";", 1)[0].strip()
        if not line:
            continue
        if ":" in line:
            label, _, rest = line.partition(":")
            labels[label.strip()] = len(lines)
            line = rest.strip()
            if not line:
                continue
        lines.append(line.split())
    code = []
    for parts in lines:
        op = parts[0]
        arg = arg2 = None
        if op in ("jmp", "jz", "jnz"):
            arg = labels[parts[1]]
        elif op == "call":
            arg = parts[1]
            arg2 = int(parts[2])
        elif len(parts) > 1:
            arg = int(parts[1])
        code.append(Instr(op, arg, arg2))
    return code


class Frame:
    def __init__(self, code, args):
        self.code = code
        self.pc = 0
        self.locals = list(args) + [0] * (10 - len(args))


class VM:
    def __init__(self, functions):
        self.functions = functions
        self.executed = 0
        self.histogram = {}

    def run(self, name, args):
        stack = []
        frames = [Frame(self.functions[name], args)]
        executed = 0
        histogram = self.histogram
        while frames:
            frame = frames[-1]
            instr = frame.code[frame.pc]
            frame.pc += 1
            executed += 1
            op = instr.op
            histogram[op] = histogram.get(op, 0) + 1
            if op == "push":
                stack.append(instr.arg)
            elif op == "load":
                stack.append(frame.locals[instr.arg])
            elif op == "store":
                frame.locals[instr.arg] = stack.pop()
            elif op == "add":
                b = stack.pop()
                stack[-1] += b
            elif op == "sub":
                b = stack.pop()
                stack[-1] -= b
            elif op == "mul":
                b = stack.pop()
                stack[-1] *= b
            elif op == "mod":
                b = stack.pop()
                if b == 0:
                    raise VMError("modulo by zero")
                stack[-1] %= b
            elif op == "lt":
                b = stack.pop()
                stack[-1] = 1 if stack[-1] < b else 0
            elif op == "gt":
                b = stack.pop()
                stack[-1] = 1 if stack[-1] > b else 0
            elif op == "jmp":
                frame.pc = instr.arg
            elif op == "jz":
                if stack.pop() == 0:
                    frame.pc = instr.arg
            elif op == "jnz":
                if stack.pop() != 0:
                    frame.pc = instr.arg
            elif op == "call":
                n = instr.arg2
                args = stack[len(stack) - n :]
                del stack[len(stack) - n :]
                if len(frames) > 500:
                    raise VMError("call stack overflow")
                frames.append(Frame(self.functions[instr.arg], args))
            elif op == "ret":
                frames.pop()
            else:
                raise VMError("unknown opcode %r" % op)
        self.executed += executed
        return stack.pop()


def main(scale):
    functions = {}
    for name, src in (("fib", FIB), ("primes", PRIMES), ("tak", TAK)):
        functions[name] = assemble(src, functions)
    vm = VM(functions)
    fib = vm.run("fib", [scale * 2000])
    primes = vm.run("primes", [scale * 1000])
    x = 8 + scale // 3
    tak = vm.run("tak", [x, x // 2, 0])
    print("fib(%d) mod 1000007 = %d" % (scale * 2000, fib))
    print("primes below %d: %d" % (scale * 1000, primes))
    print("tak(%d, %d, 0) = %d" % (x, x // 2, tak))
    print("instructions executed: %d" % vm.executed)
    for op, n in sorted(vm.histogram.items(), key=lambda kv: (-kv[1], kv[0])):
        print("  %-6s %d" % (op, n))
    try:
        functions["bad"] = assemble("push 1\npush 0\nmod\nret", functions)
        vm.run("bad", [])
    except VMError as e:
        print("VMError: %s" % e)
    print(functions["fib"][:3])


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
