;;; pyiq.el --- Python interview questions where the code is, through Eglot  -*- lexical-binding: t; -*-

;; Copyright (c) 2026 the pyiq authors
;; License: MIT
;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9") (jsonrpc "1.0.14"))
;; Keywords: languages, python, tools

;;; Commentary:

;; Registers the pyiq language server (`pyiq serve') with Eglot for `python-mode' and
;; `python-ts-mode', and adds interactive commands:
;;
;;   M-x pyiq-quiz-file   quiz on the interview topics of the current file
;;   M-x pyiq-quiz-here   quiz on the construct at point
;;   M-x pyiq-explain     explain a rule or question id (default: the diagnostic at point)
;;   M-x pyiq-stats       show quiz progress (`pyiq stats')
;;
;; Setup:
;;
;;   (require 'pyiq)
;;   (pyiq-eglot-setup)
;;   (add-hook 'python-mode-hook #'eglot-ensure)
;;
;; The quiz uses the standard LSP requests: each question arrives as a
;; window/showMessageRequest, shown in the *pyiq quiz* buffer (code fontified as Python) and
;; answered in the minibuffer; the verdict and explanation follow in the same buffer.
;;
;; Eglot runs one server per major mode, so pyiq takes the place of another Python server
;; (pylsp, pyright) in the buffers it manages.

;;; Code:

(require 'cl-lib)
(require 'eglot)
(require 'jsonrpc)
(require 'subr-x)

(defgroup pyiq nil
  "Python interview questions where the code is."
  :group 'tools
  :prefix "pyiq-")

(defcustom pyiq-server-command nil
  "Command that starts the pyiq language server, as a list of strings.
When nil, use \"pyiq serve\" from the active virtualenv or `exec-path'."
  :type '(choice (const :tag "Find pyiq automatically" nil)
                 (repeat :tag "Command and arguments" string)))

(defcustom pyiq-settings nil
  "Server settings, as a plist sent as `initializationOptions'.
For example (:conceptDiagnostics \"information\" :codeLens :json-false
:select [\"bug-risk\"] :quizLength 5).  Keys mirror [tool.pyiq] in
pyproject.toml, plus :conceptDiagnostics, :codeLens, :respectRuff, :quizUi,
:masteryThreshold and :quizLength (the most questions one quiz asks, 1 to
100, default 10)."
  :type 'plist)

(defcustom pyiq-major-modes '(python-mode python-ts-mode)
  "Major modes in which Eglot starts pyiq."
  :type '(repeat symbol))

(defconst pyiq-install-command "python3 -m pip install pyiq"
  "The command that installs the pyiq server.")

(defconst pyiq--quiz-buffer "*pyiq quiz*")

(defclass pyiq-server (eglot-lsp-server) ()
  :documentation "The pyiq language server.")

(cl-defmethod eglot-initialization-options ((_server pyiq-server))
  "Send `pyiq-settings' as the initialization options."
  (or pyiq-settings (make-hash-table :size 1)))

(defun pyiq--program ()
  "The server command without \"serve\", or nil when pyiq cannot be found."
  (cond
   (pyiq-server-command
    (let ((cmd (copy-sequence pyiq-server-command)))
      (if (member "serve" cmd) (butlast cmd (length (member "serve" cmd))) cmd)))
   ((let ((venv (getenv "VIRTUAL_ENV")))
      (and venv
           (let ((exe (expand-file-name "bin/pyiq" venv)))
             (and (file-executable-p exe) (list exe))))))
   ((executable-find "pyiq") (list (executable-find "pyiq")))))

(defun pyiq-server-contact (&optional _interactive)
  "The Eglot contact for pyiq: (pyiq-server PROGRAM ARGS...).
Signals a `user-error' naming the install command when pyiq is missing."
  (let ((program (pyiq--program)))
    (unless program
      (user-error "pyiq: the pyiq language server was not found.  Install it with `%s', or set `pyiq-server-command'"
                  pyiq-install-command))
    (let ((cmd (or (and pyiq-server-command (member "serve" pyiq-server-command)
                        pyiq-server-command)
                   (append program '("serve")))))
      (cons 'pyiq-server cmd))))

;;;###autoload
(defun pyiq-eglot-setup ()
  "Register pyiq with Eglot for `pyiq-major-modes'."
  (interactive)
  (setq eglot-server-programs
        (cons (cons pyiq-major-modes #'pyiq-server-contact)
              (cl-remove-if (lambda (entry) (equal (car entry) pyiq-major-modes))
                            eglot-server-programs))))

(defun pyiq--server ()
  "The pyiq server managing the current buffer, or a `user-error'."
  (let ((server (eglot-current-server)))
    (unless (and server (cl-typep server 'pyiq-server))
      (user-error "pyiq: this buffer is not managed by pyiq (M-x eglot, after `pyiq-eglot-setup')"))
    server))

(defvar pyiq-quiz-timeout 3600
  "Seconds a quiz may last: the server waits for each answer.")

(defun pyiq--summary (result)
  "A one-line summary of a quiz RESULT."
  (let ((asked (or (plist-get result :asked) 0))
        (correct (or (plist-get result :correct) 0)))
    (if (zerop asked)
        "pyiq: no quiz questions for this code yet"
      (format "pyiq: quiz finished: %d of %d correct" correct asked))))

(defun pyiq--execute (command arguments callback)
  "Run server COMMAND with ARGUMENTS (a vector) asynchronously.
CALLBACK receives the result."
  (let ((server (pyiq--server)))
    (jsonrpc-async-request
     server :workspace/executeCommand
     (list :command command :arguments arguments)
     :success-fn (lambda (result) (funcall callback result))
     :error-fn (lambda (error)
                 (message "pyiq: %s failed: %s" command (plist-get error :message))
                 (funcall callback (list :error (plist-get error :message))))
     :timeout-fn (lambda () (message "pyiq: %s timed out" command))
     :timeout pyiq-quiz-timeout)))

(defun pyiq--quiz-buffer ()
  "The quiz buffer, created in `special-mode'."
  (let ((buffer (get-buffer-create pyiq--quiz-buffer)))
    (with-current-buffer buffer
      (unless (derived-mode-p 'special-mode) (special-mode)))
    buffer))

(defun pyiq--insert-fontified (text)
  "Insert TEXT, fontifying it as Python when it looks like code."
  (insert (if (and (fboundp 'python-mode) (string-match-p "\n" text))
              (with-temp-buffer
                (insert text)
                (delay-mode-hooks (python-mode))
                (font-lock-ensure)
                (buffer-string))
            text)))

;;;###autoload
(defun pyiq-quiz-file (&optional callback)
  "Quiz yourself on the interview topics of the current file.
CALLBACK, when given, receives the server's summary plist instead
of the echo area."
  (interactive)
  (let ((uri (eglot--path-to-uri (buffer-file-name)))
        (name (file-name-nondirectory (buffer-file-name))))
    (with-current-buffer (pyiq--quiz-buffer)
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert (propertize (format "pyiq quiz: %s\n\n" name) 'face 'bold))))
    (pyiq--execute "pyiq.quizFile" (vector uri)
                   (lambda (result)
                     (if callback (funcall callback result) (message "%s" (pyiq--summary result)))))))

;;;###autoload
(defun pyiq-quiz-here (&optional callback)
  "Quiz yourself on the construct at point.
CALLBACK, when given, receives the server's summary plist."
  (interactive)
  (let ((uri (eglot--path-to-uri (buffer-file-name)))
        (position (eglot--pos-to-lsp-position)))
    (pyiq--execute "pyiq.quizAt" (vector uri position)
                   (lambda (result)
                     (if callback (funcall callback result) (message "%s" (pyiq--summary result)))))))

(cl-defmethod eglot-handle-request
  ((_server pyiq-server) (_method (eql window/showMessageRequest)) &key _type message actions)
  "Ask a quiz question.
MESSAGE goes to the quiz buffer, ACTIONS are the minibuffer choices."
  (let* ((actions (append actions nil))
         (titles (mapcar (lambda (a) (plist-get a :title)) actions))
         (buffer (pyiq--quiz-buffer)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (goto-char (point-max))
        (pyiq--insert-fontified message)
        (insert "\n\n")
        (cl-loop for title in titles for i from 1
                 do (insert (format "  %d. %s\n" i title)))
        (insert "\n")))
    (unless noninteractive (display-buffer buffer))
    (let* ((numbered (cl-loop for title in titles for i from 1
                              collect (cons (format "%d. %s" i title) title)))
           (answer (completing-read "pyiq, your answer: " numbered nil t))
           (title (or (cdr (assoc answer numbered))
                      (and (member answer titles) answer))))
      (if title (list :title title) :null))))

(cl-defmethod eglot-handle-notification
  ((_server pyiq-server) (_method (eql window/showMessage)) &key type message)
  "Show a verdict (or any server message) in the quiz buffer and the echo area."
  (when (or (string-prefix-p "Correct" message) (string-prefix-p "Not quite" message))
    (with-current-buffer (pyiq--quiz-buffer)
      (let ((inhibit-read-only t))
        (goto-char (point-max))
        (insert (propertize message 'face (if (string-prefix-p "Correct" message) 'success 'warning))
                "\n\n"))))
  (message "pyiq: %s" message)
  (when (<= type 1) (ding)))

(defun pyiq--rule-at-point ()
  "The rule id of the pyiq diagnostic at point, if any."
  (when (fboundp 'flymake-diagnostic-data)
    (cl-loop for diag in (flymake-diagnostics (point))
             for spec = (alist-get 'eglot-lsp-diag (flymake-diagnostic-data diag))
             when (and spec (equal (plist-get spec :source) "pyiq") (plist-get spec :code))
             return (format "%s" (plist-get spec :code)))))

;;;###autoload
(defun pyiq-explain (id &optional callback)
  "Explain the rule or question ID in the *pyiq explain* buffer.
Interactively, ID defaults to the rule of the diagnostic at point.
CALLBACK, when given, receives the buffer."
  (interactive
   (let ((guess (pyiq--rule-at-point)))
     (list (read-string (if guess (format "pyiq explain (default %s): " guess) "pyiq explain: ")
                        nil nil guess))))
  (pyiq--execute "pyiq.explain" (vector id)
                 (lambda (markdown)
                   (let ((buffer (get-buffer-create "*pyiq explain*")))
                     (with-current-buffer buffer
                       (let ((inhibit-read-only t))
                         (erase-buffer)
                         (insert (if (stringp markdown) markdown (format "Nothing is known about %s." id)))
                         (goto-char (point-min))
                         (if (fboundp 'markdown-mode) (markdown-mode) (text-mode))
                         (setq buffer-read-only t)))
                     (if callback (funcall callback buffer) (display-buffer buffer))))))

;;;###autoload
(defun pyiq-stats ()
  "Show quiz progress: `pyiq stats' with the server's installation."
  (interactive)
  (let ((program (pyiq--program)))
    (unless program
      (user-error "pyiq is not installed: %s" pyiq-install-command))
    (let ((buffer (get-buffer-create "*pyiq stats*")))
      (with-current-buffer buffer
        (let ((inhibit-read-only t))
          (erase-buffer)
          (apply #'call-process (car program) nil t nil (append (cdr program) '("stats")))
          (goto-char (point-min))
          (special-mode)))
      (unless noninteractive (display-buffer buffer))
      buffer)))

(provide 'pyiq)
;;; pyiq.el ends here
