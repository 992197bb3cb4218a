;; Finds calls that unpickle: `pickle.load`, `pickle.loads` and
;; `pickle.Unpickler` (and the same in `dill`), `shelve.open`,
;; `shelve.DbfilenameShelf`, `jsonpickle.decode` and `pandas.read_pickle`,
;; resolved through the file's imports.
;;
;; Unpickling calls whatever the data names: a pickle's `__reduce__` can
;; return `(os.system, ("...",))`, which runs while it is loaded. Only
;; unpickle bytes you produced yourself or authenticated (an HMAC over
;; them); use JSON for data that crosses a trust boundary.
;;
;; Same semantics as ruff's S301 (suspicious-pickle-usage): calls only,
;; reported on the whole call. Dumping is not a risk and stays with the
;; concept rule `pickle`.

(call
  function: (attribute attribute: (identifier) @_name) @_callee
  (#any-of? @_name "load" "loads" "Unpickler" "open" "DbfilenameShelf" "decode" "read_pickle")
  (#pyiq-resolves-to? @_callee "pickle.load" "pickle.loads" "pickle.Unpickler" "dill.load" "dill.loads" "dill.Unpickler" "shelve.open" "shelve.DbfilenameShelf" "jsonpickle.decode" "jsonpickle.unpickler.decode" "pandas.read_pickle")
  (#set! id "pickle-load")
  (#set! name "Unpickling data")
  (#set! category "bug-risk")
  (#set! severity "warning")
  (#set! message "`{_callee}(...)` runs whatever code the pickled data names; only load data you created or authenticated")
  (#set! peer "S301")) @call

(call
  function: (identifier) @_callee
  (#any-of? @_callee "load" "loads" "Unpickler" "open" "DbfilenameShelf" "decode" "read_pickle")
  (#pyiq-resolves-to? @_callee "pickle.load" "pickle.loads" "pickle.Unpickler" "dill.load" "dill.loads" "dill.Unpickler" "shelve.open" "shelve.DbfilenameShelf" "jsonpickle.decode" "jsonpickle.unpickler.decode" "pandas.read_pickle")
  (#set! id "pickle-load")) @call
