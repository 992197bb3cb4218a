;; Finds `match` statements (Python 3.10+), reported on the subject.
;;
;; `match` compares a value against `case` patterns in order: literals,
;; captures, sequences, mappings and class patterns (`Point(x=0)`), with
;; `|` alternatives and `if` guards. It is not a C `switch`: a bare name in a
;; pattern captures instead of comparing (use dotted names for constants),
;; and `case _:` is the wildcard.

(match_statement . subject: (_) @subject
  (#set! id "match-statement")
  (#set! name "match statement")
  (#set! category "concept")
  (#set! severity "hint")
  (#set! message "`match {subject}`: structural pattern matching on the value's shape"))
