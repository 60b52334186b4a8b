"""Incremental constraint propagation in the style of the DeltaBlue algorithm.

Variables are connected by constraints of different strengths (required,
preferred, ..., weakest). Adding a constraint chooses, for every satisfied
constraint, which variable it determines, so that stronger constraints win
over weaker ones ("walkabout strengths" propagated downstream). An edit
constraint then yields a plan: the ordered list of constraints to re-execute
when the edited variable changes.

Two workloads, repeated SCALE times: a chain of equality constraints edited
at one end, and a set of scale-and-offset projections edited on both sides.
"""

import sys

DEFAULT_SCALE = 150

REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = range(7)
STRENGTH_NAMES = ["required", "strongPreferred", "preferred", "strongDefault", "normal", "weakDefault", "weakest"]
NONE, FORWARD, BACKWARD = 0, 1, 2


def stronger(a, b):
    return a < b


def weakest_of(a, b):
    return a if a > b else b


class ConstraintError(Exception):
    pass


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.mark = 0
        self.walk_strength = WEAKEST
        self.stay = True

    def __repr__(self):
        return "%s=%s" % (self.name, self.value)


class Planner:
    def __init__(self):
        self.current_mark = 0

    def new_mark(self):
        self.current_mark += 1
        return self.current_mark

    def incremental_add(self, c):
        mark = self.new_mark()
        overridden = c.satisfy(mark)
        while overridden is not None:
            overridden = overridden.satisfy(mark)

    def incremental_remove(self, c):
        out = c.output()
        c.mark_unsatisfied()
        c.remove_from_graph()
        unsatisfied = self.remove_propagate_from(out)
        for strength in range(REQUIRED, WEAKEST + 1):
            for u in unsatisfied:
                if u.strength == strength:
                    self.incremental_add(u)

    def add_propagate(self, c, mark):
        todo = [c]
        while todo:
            d = todo.pop()
            if d.output().mark == mark:
                self.incremental_remove(c)
                return False
            d.recalculate()
            self.add_consumers(d.output(), todo)
        return True

    def remove_propagate_from(self, out):
        unsatisfied = []
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        todo = [out]
        while todo:
            v = todo.pop()
            for c in v.constraints:
                if not c.is_satisfied():
                    unsatisfied.append(c)
            determining = v.determined_by
            for c in v.constraints:
                if c is not determining and c.is_satisfied():
                    c.recalculate()
                    todo.append(c.output())
        return unsatisfied

    def add_consumers(self, v, todo):
        determining = v.determined_by
        for c in v.constraints:
            if c is not determining and c.is_satisfied():
                todo.append(c)

    def make_plan(self, sources):
        mark = self.new_mark()
        plan = Plan()
        todo = list(sources)
        while todo:
            c = todo.pop(0)
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.append(c)
                out.mark = mark
                self.add_consumers(out, todo)
        return plan

    def plan_for(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input() and c.is_satisfied()])


class Plan:
    def __init__(self):
        self.steps = []

    def append(self, c):
        self.steps.append(c)

    def __len__(self):
        return len(self.steps)

    def execute(self):
        for c in self.steps:
            c.execute()


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def add(self):
        self.add_to_graph()
        self.planner.incremental_add(self)

    def destroy(self):
        if self.is_satisfied():
            self.planner.incremental_remove(self)
        else:
            self.remove_from_graph()

    def is_input(self):
        return False

    def satisfy(self, mark):
        """Pick a direction; return the constraint this one overrode, if any."""
        self.choose_method(mark)
        if not self.is_satisfied():
            if self.strength == REQUIRED:
                raise ConstraintError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        overridden = out.determined_by
        if overridden is not None:
            overridden.mark_unsatisfied()
        out.determined_by = self
        if not self.planner.add_propagate(self, mark):
            raise ConstraintError("cycle")
        out.mark = mark
        return overridden

    def describe(self):
        return "%s(%s)" % (type(self).__name__, STRENGTH_NAMES[self.strength])


class UnaryConstraint(Constraint):
    def __init__(self, planner, var, strength):
        Constraint.__init__(self, planner, strength)
        self.var = var
        self.satisfied = False
        self.add()

    def add_to_graph(self):
        self.var.constraints.append(self)
        self.satisfied = False

    def remove_from_graph(self):
        if self in self.var.constraints:
            self.var.constraints.remove(self)
        self.satisfied = False

    def choose_method(self, mark):
        self.satisfied = self.var.mark != mark and stronger(self.strength, self.var.walk_strength)

    def is_satisfied(self):
        return self.satisfied

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def recalculate(self):
        self.var.walk_strength = self.strength
        self.var.stay = not self.is_input()
        if self.var.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.satisfied = False

    def inputs_known(self, mark):
        return True

    def execute(self):
        pass


class StayConstraint(UnaryConstraint):
    """Keep the variable's value unless something stronger changes it."""


class EditConstraint(UnaryConstraint):
    """The variable is about to be set from outside."""

    def is_input(self):
        return True


class BinaryConstraint(Constraint):
    def __init__(self, planner, v1, v2, strength):
        Constraint.__init__(self, planner, strength)
        self.v1 = v1
        self.v2 = v2
        self.direction = NONE

    def choose_method(self, mark):
        v1, v2 = self.v1, self.v2
        if v1.mark == mark:
            ok = v2.mark != mark and stronger(self.strength, v2.walk_strength)
            self.direction = FORWARD if ok else NONE
        elif v2.mark == mark:
            ok = v1.mark != mark and stronger(self.strength, v1.walk_strength)
            self.direction = BACKWARD if ok else NONE
        elif stronger(v2.walk_strength, v1.walk_strength):
            self.direction = BACKWARD if stronger(self.strength, v1.walk_strength) else NONE
        else:
            self.direction = FORWARD if stronger(self.strength, v2.walk_strength) else NONE

    def add_to_graph(self):
        self.v1.constraints.append(self)
        self.v2.constraints.append(self)
        self.direction = NONE

    def remove_from_graph(self):
        for v in (self.v1, self.v2):
            if self in v.constraints:
                v.constraints.remove(self)
        self.direction = NONE

    def is_satisfied(self):
        return self.direction != NONE

    def mark_inputs(self, mark):
        self.input().mark = mark

    def input(self):
        return self.v1 if self.direction == FORWARD else self.v2

    def output(self):
        return self.v2 if self.direction == FORWARD else self.v1

    def recalculate(self):
        ihn = self.input()
        out = self.output()
        out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
        out.stay = ihn.stay
        if out.stay:
            self.execute()

    def mark_unsatisfied(self):
        self.direction = NONE

    def inputs_known(self, mark):
        i = self.input()
        return i.mark == mark or i.stay or i.determined_by is None


class EqualityConstraint(BinaryConstraint):
    def __init__(self, planner, v1, v2, strength):
        BinaryConstraint.__init__(self, planner, v1, v2, strength)
        self.add()

    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """dst = src * scale + offset, in either direction."""

    def __init__(self, planner, src, scale, offset, dst, strength):
        BinaryConstraint.__init__(self, planner, src, dst, strength)
        self.scale = scale
        self.offset = offset
        self.add()

    def add_to_graph(self):
        BinaryConstraint.add_to_graph(self)
        self.scale.constraints.append(self)
        self.offset.constraints.append(self)

    def remove_from_graph(self):
        BinaryConstraint.remove_from_graph(self)
        for v in (self.scale, self.offset):
            if self in v.constraints:
                v.constraints.remove(self)

    def mark_inputs(self, mark):
        BinaryConstraint.mark_inputs(self, mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.v2.value = self.v1.value * self.scale.value + self.offset.value
        else:
            self.v1.value = (self.v2.value - self.offset.value) // self.scale.value

    def recalculate(self):
        ihn = self.input()
        out = self.output()
        out.walk_strength = weakest_of(self.strength, ihn.walk_strength)
        out.stay = ihn.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


def chain_test(n):
    planner = Planner()
    variables = [Variable("v%d" % i) for i in range(n + 1)]
    for a, b in zip(variables, variables[1:]):
        EqualityConstraint(planner, a, b, REQUIRED)
    first, last = variables[0], variables[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_for([edit])
    errors = 0
    for i in range(100):
        first.value = i
        plan.execute()
        if last.value != i:
            errors += 1
    return len(plan), errors, last.value


def change(planner, var, value):
    edit = EditConstraint(planner, var, PREFERRED)
    plan = planner.plan_for([edit])
    for _ in range(10):
        var.value = value
        plan.execute()
    edit.destroy()
    return len(plan)


def projection_test(n):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)
    errors = 0
    change(planner, src, 17)
    if dst.value != 1170:
        errors += 1
    change(planner, dst, 1050)
    if src.value != 5:
        errors += 1
    steps = change(planner, scale, 5)
    errors += sum(1 for i, d in enumerate(dests[:-1]) if d.value != i * 5 + 1000)
    steps += change(planner, offset, 2000)
    errors += sum(1 for i, d in enumerate(dests[:-1]) if d.value != i * 5 + 2000)
    return steps, errors, sum(d.value for d in dests)


def main(rounds):
    totals = [0, 0, 0, 0]
    errors = 0
    for r in range(rounds):
        steps, e1, last = chain_test(50 + r)
        totals[0] += steps
        totals[1] += last
        steps, e2, total = projection_test(50 + r)
        totals[2] += steps
        totals[3] += total
        errors += e1 + e2
    print("rounds: %d, errors: %d" % (rounds, errors))
    print("chain plan steps: %d, last values: %d" % (totals[0], totals[1]))
    print("projection plan steps: %d, destination sum: %d" % (totals[2], totals[3]))
    planner = Planner()
    a, b = Variable("a", 3), Variable("b", 4)
    eq = EqualityConstraint(planner, a, b, STRONG_DEFAULT)
    print(eq.describe(), a, b)
    try:
        c = Variable("c", 1)
        EqualityConstraint(planner, a, c, REQUIRED)
        EditConstraint(planner, a, REQUIRED)
        EditConstraint(planner, c, REQUIRED)
        print("no conflict?!")
    except ConstraintError as exc:
        print("ConstraintError: %s" % exc)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
