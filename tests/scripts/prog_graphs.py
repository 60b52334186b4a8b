# graph algorithms with dicts, sets, lists and tuples: BFS, DFS, topological sort, Dijkstra
edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4), ("d", "f", 11), ("e", "f", 20)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, [])
def bfs(start):
    seen, order, queue = {start}, [], [start]
    while queue:
        node = queue.pop(0)
        order.append(node)
        for nxt, _ in sorted(graph[node]):
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return order
def dfs(node, seen=None):
    seen = set() if seen is None else seen
    seen.add(node)
    out = [node]
    for nxt, _ in graph[node]:
        if nxt not in seen:
            out.extend(dfs(nxt, seen))
    return out
def topo():
    indeg = {n: 0 for n in graph}
    for u in graph:
        for v, _ in graph[u]:
            indeg[v] += 1
    ready = sorted(n for n, d in indeg.items() if d == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for v, _ in graph[n]:
            indeg[v] -= 1
            if indeg[v] == 0:
                ready.append(v)
                ready.sort()
    return out
def dijkstra(src):
    dist = {n: float("inf") for n in graph}
    dist[src] = 0
    prev = {}
    todo = set(graph)
    while todo:
        u = min(todo, key=lambda n: (dist[n], n))
        todo.remove(u)
        for v, w in graph[u]:
            if dist[u] + w < dist[v]:
                dist[v] = dist[u] + w
                prev[v] = u
    return dist, prev
def path(prev, target):
    out = [target]
    while out[-1] in prev:
        out.append(prev[out[-1]])
    return out[::-1]
print(bfs("a"), dfs("a"), topo())
dist, prev = dijkstra("a")
print(dist, {n: path(prev, n) for n in sorted(graph)})
components = []
undirected = {}
for u, v, _ in edges + [("x", "y", 1), ("z", "z", 0)]:
    undirected.setdefault(u, set()).add(v)
    undirected.setdefault(v, set()).add(u)
unseen = set(undirected)
while unseen:
    start = min(unseen)
    comp, stack = set(), [start]
    while stack:
        n = stack.pop()
        if n in comp:
            continue
        comp.add(n)
        stack.extend(undirected[n] - comp)
    unseen -= comp
    components.append(sorted(comp))
print(components)
adj = [[0] * 4 for _ in range(4)]
for i, j in [(0, 1), (1, 2), (2, 3), (3, 0)]:
    adj[i][j] = adj[j][i] = 1
print(adj, [sum(row) for row in adj], [[sum(adj[i][k] * adj[k][j] for k in range(4)) for j in range(4)] for i in range(4)])
