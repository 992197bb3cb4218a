;;; run_pyiq.el --- drive client/emacs/pyiq.el in batch Emacs against the real server  -*- lexical-binding: t; -*-

;; Environment: PYIQ_PLUGIN (client/emacs), PYIQ_SERVER (server argv as JSON), PYIQ_FILE (the
;; Python file), PYIQ_RESULT (output JSON), PYIQ_HOVER_LINE/COL (0-based), PYIQ_CONNECT ("0" to
;; only check loading and registration).  Writes what happened for test_emacs.py to check.

(require 'cl-lib)
(require 'json)
(load (expand-file-name "harness.el" (file-name-directory load-file-name)) nil t)

(cl-defun run-main ()
  (run-load-eglot)
  (run-put "emacs" emacs-version)
  (add-to-list 'load-path (getenv "PYIQ_PLUGIN"))
  (require 'pyiq)
  (run-put "commands" (vconcat (cl-remove-if-not
                                #'commandp
                                '(pyiq-quiz-file pyiq-quiz-here pyiq-explain pyiq-stats pyiq-eglot-setup))))
  (setq pyiq-server-command (append (json-parse-string (getenv "PYIQ_SERVER")) nil))
  (pyiq-eglot-setup)
  (pyiq-eglot-setup)                    ; twice: no duplicate entry
  (run-put "registered" (vconcat (cl-loop for (modes . contact) in eglot-server-programs
                                          when (eq contact 'pyiq-server-contact)
                                          collect (format "%S" modes))))
  (run-put "contact" (vconcat (mapcar (lambda (x) (format "%s" x)) (pyiq-server-contact))))
  (run-step "registered")
  (when (equal (getenv "PYIQ_CONNECT") "0")
    (cl-return-from run-main))

  ;; Record what the server publishes, and the verdicts it shows.
  (let ((published nil) (messages nil) (prompts nil) (answer-index 0))
    (advice-add 'eglot-handle-notification :before
                (lambda (_server method &rest params)
                  (when (eq method 'textDocument/publishDiagnostics)
                    (setq published (append published (list params))))
                  (when (eq method 'window/showMessage)
                    (setq messages (append messages (list (plist-get params :message))))))
                '((name . run-record)))
    (find-file (getenv "PYIQ_FILE"))
    (run-put "major_mode" (symbol-name major-mode))
    (let* ((guess (eglot--guess-contact))
           (server (apply #'eglot--connect guess)))
      (run-put "server_class" (symbol-name (eieio-object-class server)))
      (run-step "connected")
      (run-wait 30 (lambda () (cl-some (lambda (p) (> (length (plist-get p :diagnostics)) 0)) published))
                "diagnostics")
      (let ((last (car (last published))))
        (run-put "diagnostics"
                 (vconcat (mapcar (lambda (d)
                                    (let ((h (make-hash-table :test 'equal)))
                                      (puthash "code" (format "%s" (plist-get d :code)) h)
                                      (puthash "source" (plist-get d :source) h)
                                      (puthash "severity" (plist-get d :severity) h)
                                      (puthash "line" (plist-get (plist-get (plist-get d :range) :start) :line) h)
                                      h))
                                  (plist-get last :diagnostics)))))
      (run-step "diagnostics")

      (goto-char (point-min))
      (forward-line (string-to-number (getenv "PYIQ_HOVER_LINE")))
      (forward-char (string-to-number (getenv "PYIQ_HOVER_COL")))
      (let ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams))))
        (run-put "hover" (format "%s" (plist-get (plist-get hover :contents) :value)))
        (run-put "hover_kind" (format "%s" (plist-get (plist-get hover :contents) :kind)))
        (run-put "renders_markdown" (if (fboundp 'gfm-view-mode) t :json-false)))
      (run-step "hover")

      ;; The quiz: answer each question with the next choice in turn (1st, 2nd, ...).
      (let ((result nil))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (prompt collection &rest _)
                     (let* ((choices (mapcar (lambda (c) (if (consp c) (car c) c)) collection))
                            (choice (nth (mod answer-index (length choices)) choices)))
                       (setq answer-index (1+ answer-index))
                       (setq prompts (append prompts (list (list prompt choice))))
                       choice))))
          (pyiq-quiz-file (lambda (r) (setq result (or r :none))))
          (run-wait 60 (lambda () result) "the quiz"))
        (run-put "quiz_asked" (plist-get result :asked))
        (run-put "quiz_correct" (plist-get result :correct))
        (run-put "quiz_chosen" (vconcat (mapcar (lambda (q) (plist-get q :chosen))
                                                (plist-get result :questions))))
        (run-put "prompt_choices" (vconcat (mapcar (lambda (p) (replace-regexp-in-string "^[0-9]+\\. " "" (cadr p)))
                                                   prompts)))
        (run-put "verdicts" (vconcat messages))
        (run-put "quiz_buffer" (with-current-buffer "*pyiq quiz*" (buffer-string))))
      (run-step "quiz")

      ;; The construct at point (the hover position, on the mutable default).
      (goto-char (point-min))
      (forward-line (string-to-number (getenv "PYIQ_HOVER_LINE")))
      (forward-char (string-to-number (getenv "PYIQ_HOVER_COL")))
      (let ((result nil))
        (cl-letf (((symbol-function 'completing-read)
                   (lambda (_prompt collection &rest _)
                     (let ((first (car collection))) (if (consp first) (car first) first)))))
          (pyiq-quiz-here (lambda (r) (setq result (or r :none))))
          (run-wait 60 (lambda () result) "the quiz at point"))
        (run-put "here_asked" (plist-get result :asked))
        (run-put "here_ids" (vconcat (mapcar (lambda (q) (plist-get q :id)) (plist-get result :questions)))))
      (run-step "quiz here")

      (let ((buffer nil))
        (pyiq-explain "mutable-default-argument" (lambda (b) (setq buffer b)))
        (run-wait 30 (lambda () buffer) "the explanation")
        (run-put "explain" (with-current-buffer buffer (buffer-string))))
      (run-step "explain")

      (run-put "stats" (with-current-buffer (pyiq-stats) (buffer-string)))
      (run-step "stats")
      (eglot-shutdown server))))

(run-and-report #'run-main)
