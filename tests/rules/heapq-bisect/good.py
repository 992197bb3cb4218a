import heapq

heap = []
smallest = heap[0]
merged = sorted(a + b)
heappush(heap, 1)
position = bisect(items, 3)
