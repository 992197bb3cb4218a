;; Finds calls of the built-in `memoryview(...)` (not shadowed by a local or
;; imported name).
;;
;; A memoryview exposes the buffer protocol of `bytes`, `bytearray`,
;; `array.array` or NumPy arrays without copying: slicing a memoryview is
;; O(1) and writes through to a mutable buffer. It is the tool for large
;; binary data (network buffers, file chunks); `release()` or a `with` block
;; frees the export so the underlying `bytearray` can be resized again.

(call function: (identifier) @usage
  (#any-of? @usage "memoryview")
  (#pyiq-builtin? @usage)
  (#set! id "memoryview")
  (#set! name "memoryview")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{usage}`: a zero-copy view of a buffer's memory"))
