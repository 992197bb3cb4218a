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

(defun run-wait (seconds predicate what)
  "Process events until PREDICATE holds, or signal after SECONDS."
  (let ((deadline (+ (float-time) seconds)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (unless (funcall predicate)
      (error "Timed out waiting for %s" what))))

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
