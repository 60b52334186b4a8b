"""Shortest paths on a weighted grid: Dijkstra and A* with heapq.

The grid (SCALE x SCALE) has terrain costs 1..9 and walls drawn from a linear
congruential generator. The program runs Dijkstra from the top-left corner to
every cell, then A* (Manhattan heuristic times the cheapest terrain cost)
between several pairs of cells, checks that A* finds the same distances as
Dijkstra, and prints distances, path lengths and the number of expanded nodes.
"""

import sys
import heapq

DEFAULT_SCALE = 280
WALL = 0


def make_grid(n, seed):
    state = seed
    grid = []
    for r in range(n):
        row = []
        for c in range(n):
            state = (state * 1103515245 + 12345) & 0x7FFFFFFF
            v = (state >> 12) % 100
            if v < 22 and (r, c) != (0, 0) and (r, c) != (n - 1, n - 1):
                row.append(WALL)
            else:
                row.append(1 + v % 9)
        grid.append(row)
    return grid


def neighbours(grid, cell):
    r, c = cell
    n = len(grid)
    for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
        rr, cc = r + dr, c + dc
        if 0 <= rr < n and 0 <= cc < n and grid[rr][cc] != WALL:
            yield (rr, cc), grid[rr][cc]


def dijkstra(grid, source):
    dist = {source: 0}
    heap = [(0, source)]
    done = set()
    while heap:
        d, cell = heapq.heappop(heap)
        if cell in done:
            continue
        done.add(cell)
        for nxt, cost in neighbours(grid, cell):
            nd = d + cost
            if nd < dist.get(nxt, nd + 1):
                dist[nxt] = nd
                heapq.heappush(heap, (nd, nxt))
    return dist


def astar(grid, start, goal):
    def h(cell):
        return abs(cell[0] - goal[0]) + abs(cell[1] - goal[1])

    g = {start: 0}
    parent = {start: None}
    heap = [(h(start), 0, start)]
    closed = set()
    expanded = 0
    while heap:
        f, gs, cell = heapq.heappop(heap)
        if cell in closed:
            continue
        if cell == goal:
            path = []
            while cell is not None:
                path.append(cell)
                cell = parent[cell]
            path.reverse()
            return gs, path, expanded
        closed.add(cell)
        expanded += 1
        for nxt, cost in neighbours(grid, cell):
            ng = gs + cost
            if ng < g.get(nxt, ng + 1):
                g[nxt] = ng
                parent[nxt] = cell
                heapq.heappush(heap, (ng + h(nxt), ng, nxt))
    return None, [], expanded


def main(n):
    grid = make_grid(n, 12345)
    walls = sum(row.count(WALL) for row in grid)
    dist = dijkstra(grid, (0, 0))
    far = max(dist.items(), key=lambda kv: (kv[1], kv[0]))
    print("grid %dx%d, walls: %d, reachable: %d" % (n, n, walls, len(dist)))
    print("to corner: %s" % dist.get((n - 1, n - 1)))
    print("farthest: %s at %d" % (far[0], far[1]))
    print("sum of distances mod 1e9+7: %d" % (sum(dist.values()) % 1000000007))
    targets = [(n - 1, n - 1), (n // 2, n - 1), (n - 1, n // 3), (n // 4, n // 2)]
    agree = 0
    for goal in targets:
        cost, path, expanded = astar(grid, (0, 0), goal)
        if cost == dist.get(goal):
            agree += 1
        valid = all(abs(a[0] - b[0]) + abs(a[1] - b[1]) == 1 for a, b in zip(path, path[1:]))
        print("A* to %s: cost %s, path %d cells, expanded %d, valid %s" % (goal, cost, len(path), expanded, valid))
    print("A* agrees with Dijkstra: %d/%d" % (agree, len(targets)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SCALE)
