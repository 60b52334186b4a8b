"""A Markov decision process solved by value iteration with exact Fractions.

A small grid world: the agent moves north, south, east or west; a move goes
where it was meant with probability 8/10 and slips to either side with
probability 1/10 each; walls bounce it back. Two cells are terminal (a goal
and a pit); every other step costs 1/25. States, actions and transitions are
namedtuples; values and probabilities are Fractions, so each sweep is exact.
The program runs SCALE sweeps, prints the values (as rounded decimals), the
greedy policy, and the size of the exact numbers involved.
"""

import sys
from collections import namedtuple
from fractions import Fraction

DEFAULT_SCALE = 120

State = namedtuple("State", "row col")
Action = namedtuple("Action", ["name", "drow", "dcol"])
Transition = namedtuple("Transition", "prob target reward")

ACTIONS = (
    Action("N", -1, 0),
    Action("E", 0, 1),
    Action("S", 1, 0),
    Action("W", 0, -1),
)

LAYOUT = [
    "....#...+",
    ".##...#.-",
    "...#.....",
    ".#...##..",
    "....#....",
]

STEP_COST = Fraction(-1, 25)
GAMMA = Fraction(9, 10)
P_MAIN = Fraction(8, 10)
P_SLIP = Fraction(1, 10)


class GridWorld:
    def __init__(self, layout):
        self.rows = len(layout)
        self.cols = len(layout[0])
        self.walls = set()
        self.terminal = {}
        self.states = []
        for r, line in enumerate(layout):
            for c, ch in enumerate(line):
                s = State(r, c)
                if ch == "#":
                    self.walls.add(s)
                    continue
                self.states.append(s)
                if ch == "+":
                    self.terminal[s] = Fraction(1)
                elif ch == "-":
                    self.terminal[s] = Fraction(-1)
        self.model = {s: {a: self.transitions(s, a) for a in ACTIONS} for s in self.states}

    def move(self, s, action):
        t = State(s.row + action.drow, s.col + action.dcol)
        if not (0 <= t.row < self.rows and 0 <= t.col < self.cols) or t in self.walls:
            return s
        return t

    def transitions(self, s, action):
        if s in self.terminal:
            return []
        i = ACTIONS.index(action)
        left = ACTIONS[(i - 1) % 4]
        right = ACTIONS[(i + 1) % 4]
        out = []
        for prob, a in ((P_MAIN, action), (P_SLIP, left), (P_SLIP, right)):
            t = self.move(s, a)
            reward = STEP_COST + self.terminal.get(t, 0)
            out.append(Transition(prob, t, reward))
        return out


def q_value(world, values, s, a):
    return sum(tr.prob * (tr.reward + GAMMA * values[tr.target]) for tr in world.model[s][a])


def value_iteration(world, sweeps):
    values = {s: Fraction(0) for s in world.states}
    deltas = []
    for _ in range(sweeps):
        new = {}
        for s in world.states:
            if s in world.terminal:
                new[s] = Fraction(0)
                continue
            new[s] = max(q_value(world, values, s, a) for a in ACTIONS)
        deltas.append(max(abs(new[s] - values[s]) for s in world.states))
        values = new
    return values, deltas


def greedy_policy(world, values):
    policy = {}
    for s in world.states:
        if s in world.terminal:
            continue
        best = max(ACTIONS, key=lambda a: (q_value(world, values, s, a), -ACTIONS.index(a)))
        policy[s] = best.name
    return policy


def main(sweeps):
    world = GridWorld(LAYOUT)
    values, deltas = value_iteration(world, sweeps)
    policy = greedy_policy(world, values)
    print("states: %d, sweeps: %d" % (len(world.states), sweeps))
    for r in range(world.rows):
        cells = []
        for c in range(world.cols):
            s = State(r, c)
            if s in world.walls:
                cells.append("   ####")
            else:
                cells.append("%7.3f" % float(values[s]))
        print(" ".join(cells))
    for r in range(world.rows):
        line = ""
        for c in range(world.cols):
            s = State(r, c)
            if s in world.walls:
                line += "#"
            elif s in world.terminal:
                line += "+" if world.terminal[s] > 0 else "-"
            else:
                line += policy[s]
        print(line)
    start = State(world.rows - 1, 0)
    v = values[start]
    print("value of %r = %.9f" % (start, float(v)))
    print("denominator digits: %d" % len(str(v.denominator)))
    print("last delta: %.6e" % float(deltas[-1]))
    print("deltas shrinking: %s" % all(b <= a for a, b in zip(deltas[1:], deltas[2:])))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
