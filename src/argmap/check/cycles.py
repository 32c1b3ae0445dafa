"""Finding cycles in a directed graph, iteratively, for graphs of any size.

Used to warn about circular support. Nodes that no cycle can pass through are
peeled off first (Kahn's algorithm: a node whose every predecessor is peeled
has nothing coming back to it), which leaves nothing at all in a graph without
cycles. Tarjan's strongly connected components algorithm then runs on what
is left, written without recursion so 100,000-claim corpora do not hit
Python's recursion limit; one concrete cycle is returned per component.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterable
from itertools import chain


def find_cycles(nodes: Iterable[str], edges: dict[str, list[str]]) -> list[list[str]]:
    """One cycle for each strongly connected component of two or more nodes.

    Each cycle starts at the component's node that comes first in *nodes*, and
    the cycles come in that order too, so output is stable.
    """
    edges = unpeeled(edges)
    nodes = [node for node in nodes if node in edges]
    order = {node: i for i, node in enumerate(nodes)}
    cycles = []
    for component in _components(nodes, edges):
        if len(component) < 2:
            continue
        members = set(component)
        start = min(component, key=order.__getitem__)
        cycles.append(_cycle_through(start, members, edges))
    cycles.sort(key=lambda cycle: order[cycle[0]])
    return cycles


def unpeeled(edges: dict[str, list[str]]) -> dict[str, list[str]]:
    """*edges* without the nodes that in-degree peeling removes (none of them lies on a
    cycle), each remaining list in its order."""
    indegree = Counter(chain.from_iterable(edges.values()))
    ready = [node for node in edges if node not in indegree]
    while ready:
        for child in edges.get(ready.pop(), ()):
            left = indegree[child] - 1
            indegree[child] = left
            if not left:
                ready.append(child)
    kept = {node for node, left in indegree.items() if left}
    return {
        node: [child for child in children if child in kept]
        for node, children in edges.items()
        if node in kept
    }


def _components(nodes: list[str], edges: dict[str, list[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            node, child_i = work.pop()
            if child_i == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = edges.get(node, [])
            if child_i < len(children):
                work.append((node, child_i + 1))
                child = children[child_i]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components


def _cycle_through(start: str, members: set[str], edges: dict[str, list[str]]) -> list[str]:
    """The shortest path from *start* back to itself inside *members*."""
    came_from: dict[str, str] = {}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in edges.get(node, []):
            if child not in members:
                continue
            if child == start:
                path = [node]
                while path[-1] != start:
                    path.append(came_from[path[-1]])
                return path[::-1]
            if child not in came_from:
                came_from[child] = node
                queue.append(child)
    return [start]
