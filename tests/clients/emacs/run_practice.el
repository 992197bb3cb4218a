;;; run_practice.el --- live-coding practice in batch Emacs with Eglot against the real server  -*- lexical-binding: t; -*-

;; Environment: as run_pyiq.el (PYIQ_PLUGIN, PYIQ_SERVER, PYIQ_FILE, PYIQ_RESULT).  Connects
;; to the server from the sample file, then M-x pyiq-practice (answered through a recording
;; `completing-read'), runs the tests on the stub and on a wrong answer, takes a hint, looks at
;; the solution, and starts a second exercise by id.  Writes what it saw as JSON.

(require 'cl-lib)
(require 'json)
(load (expand-file-name "harness.el" (file-name-directory load-file-name)) nil t)

(defun run-practice-text ()
  (with-current-buffer "*pyiq practice*" (buffer-substring-no-properties (point-min) (point-max))))

(defun run-until-done (fn what)
  "Call FN with a callback and wait for it; return what the callback got."
  (let ((done nil) (value nil))
    (funcall fn (lambda (v) (setq value v done t)))
    (run-wait 60 (lambda () done) what)
    value))

(cl-defun run-main ()
  (run-load-eglot)
  (add-to-list 'load-path (getenv "PYIQ_PLUGIN"))
  (require 'pyiq)
  (run-put "commands" (vconcat (cl-remove-if-not
                                #'commandp
                                '(pyiq-practice pyiq-practice-run pyiq-practice-hint
                                                pyiq-practice-solution))))
  (setq pyiq-server-command (append (json-parse-string (getenv "PYIQ_SERVER")) nil))
  (pyiq-eglot-setup)
  (let ((messages nil))
    (advice-add 'eglot-handle-notification :before
                (lambda (_server method &rest params)
                  (when (eq method 'window/showMessage)
                    (setq messages (append messages (list (plist-get params :message))))))
                '((name . run-record)))
    (find-file (getenv "PYIQ_FILE"))
    (let* ((guess (eglot--guess-contact))
           (server (apply #'eglot--connect guess)))
      (run-step "connected")

      ;; M-x pyiq-practice: record the prompt, the candidates and their annotations.
      (let ((started nil))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (prompt table &rest _)
                     (let* ((candidates (all-completions "" table))
                            (metadata (funcall table "" nil 'metadata))
                            (annotate (alist-get 'annotation-function (cdr metadata)))
                            ;; What a completion UI shows: the table's own sort functions
                            ;; applied (Emacs' default would sort alphabetically).
                            (display (alist-get 'display-sort-function (cdr metadata)))
                            (cycle (alist-get 'cycle-sort-function (cdr metadata))))
                       (run-put "prompt" prompt)
                       (run-put "candidates" (vconcat candidates))
                       (run-put "displayed"
                                (vconcat (if display (funcall display (copy-sequence candidates))
                                           (sort (copy-sequence candidates) #'string<))))
                       (run-put "cycled"
                                (vconcat (if cycle (funcall cycle (copy-sequence candidates))
                                           (sort (copy-sequence candidates) #'string<))))
                       (run-put "annotation"
                                (substring-no-properties (funcall annotate "Two sum")))
                       (run-put "annotation_display"
                                (format "%S" (get-text-property 0 'display (funcall annotate "Two sum"))))
                       "Two sum"))))
          (let ((id (pyiq--read-exercise server)))
            (run-put "picked" id)
            (pyiq-practice id (lambda (r) (setq started r)))))
        (run-wait 30 (lambda () started) "the stub")
        ;; The selected window shows the stub (the callback ran in the process filter,
        ;; which leaves the current buffer as it was).
        (run-put "stub_shown" (buffer-file-name (window-buffer (selected-window))))
        (set-buffer (window-buffer (selected-window)))
        (run-put "stub_file" (buffer-file-name))
        (run-put "stub_first_line" (buffer-substring-no-properties
                                    (point-min) (save-excursion (goto-char (point-min))
                                                                (line-end-position))))
        (run-wait 30 (lambda () (eglot-current-server)) "eglot to manage the stub")
        (run-put "stub_managed" (and (eglot-current-server) t)))
      (run-step "picked")

      (let ((stub (current-buffer)))
        (run-until-done #'pyiq-practice-run "the stub's run")
        (run-put "stub_run" (run-practice-text))
        (run-step "stub run")

        (with-current-buffer stub
          (erase-buffer)
          (insert "# pyiq practice: two-sum\ndef two_sum(nums, target):\n    return (0, 1)\n")
          ;; Eglot sends the change after a short idle delay; send it now.
          (eglot--signal-textDocument/didChange))
        ;; g in the verdicts buffer runs the tests of the file it is about.
        (with-current-buffer "*pyiq practice*"
          (run-until-done #'pyiq-practice-run "the wrong answer's run"))
        (run-put "wrong_run" (run-practice-text))
        (run-step "wrong run")

        (with-current-buffer stub
          (run-until-done #'pyiq-practice-hint "the hint"))
        (run-put "hint" (run-practice-text))
        (run-step "hint")

        (let ((buffer (with-current-buffer stub
                        (run-until-done #'pyiq-practice-solution "the solution"))))
          (run-put "solution" (with-current-buffer buffer (buffer-substring-no-properties
                                                           (point-min) (point-max))))
          (run-put "solution_mode" (with-current-buffer buffer (symbol-name major-mode))))
        (run-step "solution")

        ;; The right answer: all green, the quiz on what the solution used offered on z.
        (with-current-buffer stub
          (erase-buffer)
          (insert "# pyiq practice: two-sum\n")
          (insert-file-contents (expand-file-name "../../questions/exercises/two-sum/solution.py"
                                                  (getenv "PYIQ_PLUGIN")))
          (eglot--signal-textDocument/didChange)
          (run-until-done #'pyiq-practice-run "the right answer's run"))
        (run-put "right_run" (run-practice-text))
        (run-put "z_binding" (with-current-buffer "*pyiq practice*"
                               (symbol-name (key-binding "z"))))
        (run-step "right run")
        (run-put "messages" (vconcat messages)))

      (let ((started nil))
        (pyiq-practice "binary-search" (lambda (r) (setq started r)))
        (run-wait 30 (lambda () started) "binary-search")
        (run-put "direct_file" (buffer-file-name (window-buffer (selected-window)))))
      (run-step "direct")

      ;; The learner's values as the server sends them: control characters and all.
      (run-put "hostile" (mapconcat #'substring-no-properties
                                    (pyiq--practice-run-lines
                                     (list :ok :json-false :passed 0 :total 1
                                           :tests (vector (list :name "test_x" :status "failed"
                                                                :input "f()" :expected "'\e[2J'"
                                                                :actual "a\r\nb" :message ""))))
                                    "\n"))
      (eglot-shutdown server))))

(run-and-report #'run-main)
