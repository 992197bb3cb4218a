;; Finds calls of the `heapq` functions (`heappush`, `heappop`, `heapify`,
;; `nlargest`, ...) and the `bisect` functions (`bisect_left`, `insort`, ...),
;; resolved through the file's imports.
;;
;; `heapq` keeps a plain list as a binary min-heap: the smallest item is
;; `heap[0]`, and push and pop cost O(log n), the basis of priority queues,
;; top-k and k-way merges. `bisect` finds insertion points in a sorted list
;; in O(log n) comparisons, though `insort` still shifts elements in O(n).

((call function: (attribute attribute: (identifier) @_name) @usage) @_construct
  (#any-of? @_name "heappush" "heappop" "heapify" "heapreplace" "heappushpop" "nlargest" "nsmallest" "merge" "bisect" "bisect_left" "bisect_right" "insort" "insort_left" "insort_right")
  (#pyiq-resolves-to? @usage "heapq.heappush" "heapq.heappop" "heapq.heapify" "heapq.heapreplace" "heapq.heappushpop" "heapq.nlargest" "heapq.nsmallest" "heapq.merge" "bisect.bisect" "bisect.bisect_left" "bisect.bisect_right" "bisect.insort" "bisect.insort_left" "bisect.insort_right")
  (#set! id "heapq-bisect")
  (#set! name "heapq and bisect")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: logarithmic heap or binary-search operation on a plain list"))

((call function: (identifier) @usage) @_construct
  (#any-of? @usage "heappush" "heappop" "heapify" "heapreplace" "heappushpop" "nlargest" "nsmallest" "merge" "bisect" "bisect_left" "bisect_right" "insort" "insort_left" "insort_right")
  (#pyiq-resolves-to? @usage "heapq.heappush" "heapq.heappop" "heapq.heapify" "heapq.heapreplace" "heapq.heappushpop" "heapq.nlargest" "heapq.nsmallest" "heapq.merge" "bisect.bisect" "bisect.bisect_left" "bisect.bisect_right" "bisect.insort" "bisect.insort_left" "bisect.insort_right")
  (#set! id "heapq-bisect"))
