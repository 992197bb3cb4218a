;;; harness.el --- what the batch Emacs scripts share  -*- lexical-binding: t; -*-

;; Record values, steps and errors; wait for the server with a timeout; load Eglot wherever
;; this Emacs has it; and write everything to $PYIQ_RESULT as JSON however the script ended.

(require 'cl-lib)
(require 'json)

(defvar run-out (make-hash-table :test 'equal))
(defvar run-steps nil)
(defvar run-errors nil)

(defun run-put (key value) (puthash key value run-out))
(defun run-step (name) (setq run-steps (append run-steps (list name))))

(defvar run-deadline
  (+ (float-time) (/ (string-to-number (or (getenv "PYIQ_BUDGET_MS") "200000")) 1000.0))
  "When the script's waits give up: one budget for all, below the test's timeout.
A loaded machine (the tests run niced) can make any one step take many times
its usual second; a deadline per step made the tests fail where nothing was wrong.")

(defun run-wait (seconds predicate what)
  "Process events until PREDICATE holds, or signal when the budget is spent.
SECONDS is what the step usually needs at most; a slower step is recorded
under \"waits\"."
  (let ((started (float-time)))
    (while (and (not (funcall predicate)) (< (float-time) run-deadline))
      (accept-process-output nil 0.05))
    (unless (funcall predicate)
      (error "Timed out waiting for %s" what))
    (let ((took (- (float-time) started)))
      (when (> took seconds)
        (run-put "waits" (vconcat (gethash "waits" run-out)
                                  (list (format "%s: %.1f s (usually under %d)" what took seconds))))))))

(defun run-load-eglot ()
  "Eglot: built in (29+), from site-start (Debian's elpa-eglot), or its elpa directory.
`eglot--connect' returns the server only once it has answered `initialize':
Eglot waits 3 s by default and then connects in the background (returning
nil), which a loaded machine can exceed."
  (unless (require 'eglot nil t)
    (dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
      (add-to-list 'load-path dir))
    (require 'eglot))
  (setq eglot-sync-connect 60))

(defun run-and-report (main)
  "Call MAIN, keep its error if any, write the result file and leave Emacs."
  (condition-case err
      (funcall main)
    (error (push (error-message-string err) run-errors)))
  (run-put "steps" (vconcat run-steps))
  (run-put "errors" (vconcat run-errors))
  (with-temp-file (getenv "PYIQ_RESULT")
    (insert (json-encode run-out)))
  (kill-emacs 0))

(provide 'harness)
;;; harness.el ends here
