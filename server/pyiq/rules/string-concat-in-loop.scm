;; Finds string building inside a loop body: `s += <string>` and
;; `s = s + <string>` where the added operand is a string literal or f-string,
;; `str(...)`, or a `+` expression containing one (`s += name + "\n"`). Only
;; these visibly-string cases are reported: the target's type is not
;; inferred, so `s += other_string` is missed on purpose.
;;
;; Strings are immutable, so each concatenation creates a new string and can
;; copy everything built so far, O(n²) over the loop (CPython sometimes
;; resizes in place, which is an optimisation to not rely on). Appending
;; parts to a list and calling `"".join(parts)` once, or writing to
;; `io.StringIO`, is linear.

((augmented_assignment left: (identifier) operator: "+=" right: [(string) (concatenated_string)]) @concat
  (#pyiq-in-loop? @concat)
  (#set! id "string-concat-in-loop")
  (#set! name "String concatenation in a loop")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`{concat}` in a loop: each concatenation may copy the whole string; collect parts and `\"\".join()` them"))

((augmented_assignment left: (identifier) operator: "+=" right: (binary_operator operator: "+" [(string) (concatenated_string)])) @concat
  (#pyiq-in-loop? @concat)
  (#set! id "string-concat-in-loop"))

((augmented_assignment left: (identifier) operator: "+=" right: (call function: (identifier) @_str)) @concat
  (#eq? @_str "str")
  (#pyiq-in-loop? @concat)
  (#set! id "string-concat-in-loop"))

((assignment left: (identifier) @_target right: (binary_operator left: (identifier) @_same operator: "+" right: [(string) (concatenated_string)])) @concat
  (#eq? @_target @_same)
  (#pyiq-in-loop? @concat)
  (#set! id "string-concat-in-loop"))
