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
;; and live-coding practice (the exercises, tests and grading are the server's):
;;
;;   M-x pyiq-practice           pick an exercise (level, topic and your status shown
;;                               beside each); its stub opens in practice/ID.py
;;   M-x pyiq-practice-run       run its tests; verdicts in the *pyiq practice* buffer
;;   M-x pyiq-practice-hint      the next hint, in the same buffer
;;   M-x pyiq-practice-solution  the reference solution (after a first run)
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

(defconst pyiq-install-command "pipx install /path/to/pyiq"
  "How to install the pyiq server: from its repository, /path/to/pyiq here.
After `make demo' in the repository, /path/to/pyiq/.venv/bin/pyiq works too,
as `pyiq-server-command'.")

(defface pyiq-hint
  '((((type tty) (class color) (min-colors 256) (background dark)) :background "color-237")
    (((type tty) (class color) (min-colors 256)) :background "color-254")
    (((type tty) (class color)) :foreground "cyan")
    (((type tty)) :slant italic)
    (t :underline (:style wave :color "gray55")))
  "Face of pyiq's hints (the interview concepts in the code).
Unlike warnings: a terminal draws every wavy underline as the same
plain underline, so there hints get a background tint instead."
  :group 'pyiq)

;; A Flymake type of its own for hints (LSP severity 4), which Eglot files as notes.
(put 'pyiq-hint 'flymake-category 'flymake-note)
(put 'pyiq-hint 'face 'pyiq-hint)
(put 'pyiq-hint 'flymake-overlay-control (get 'eglot-note 'flymake-overlay-control))

(defconst pyiq--quiz-buffer "*pyiq quiz*")

(defvar-local pyiq--question-start nil
  "In the quiz buffer: where the question being asked starts.")

(defvar-local pyiq--verdict-start nil
  "In the quiz buffer: where the last verdict starts.")

(defclass pyiq-server (eglot-lsp-server) ()
  :documentation "The pyiq language server.")

(cl-defmethod eglot-handle-notification :around
  ((_server pyiq-server) (_method (eql textDocument/publishDiagnostics)) &rest _)
  "Give hints their own Flymake type and face while Eglot files diagnostics."
  (let ((make-diag (symbol-function 'eglot--make-diag)))
    (cl-letf (((symbol-function 'eglot--make-diag)
               (lambda (buffer beg end type text &optional data &rest more)
                 (let ((spec (alist-get 'eglot-lsp-diag data)))
                   (when (and (eq type 'eglot-note) (eql (plist-get spec :severity) 4))
                     (setq type 'pyiq-hint)))
                 (apply make-diag buffer beg end type text data more))))
      (cl-call-next-method))))

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

(defun pyiq--missing-message ()
  "What to say when the server cannot be found."
  (format "pyiq: the pyiq language server was not found; install it with `%s', or set `pyiq-server-command'"
          pyiq-install-command))

(defun pyiq-server-contact (&optional _interactive)
  "The Eglot contact for pyiq: (pyiq-server PROGRAM ARGS...).
Signals a `user-error' naming the install command when pyiq is missing."
  (let ((program (pyiq--program)))
    (unless program
      (user-error "%s" (pyiq--missing-message)))
    (let ((cmd (or (and pyiq-server-command (member "serve" pyiq-server-command)
                        pyiq-server-command)
                   (append program '("serve")))))
      (cons 'pyiq-server cmd))))

(defun pyiq--say-later (text)
  "Show TEXT in the echo area once Emacs is idle, where nothing overwrites it."
  (run-with-idle-timer 0.2 nil #'message "%s" text))

(defun pyiq--eglot-ensure-guard (&rest _)
  "Let `eglot-ensure' go on unless this is a pyiq buffer and pyiq is missing.
Eglot would connect from `post-command-hook', and the error would come
wrapped in the hook's bytecode; this says it plainly instead (once)."
  (if (and (apply #'derived-mode-p pyiq-major-modes)
           (eq (alist-get pyiq-major-modes eglot-server-programs nil nil #'equal)
               #'pyiq-server-contact)
           (not (pyiq--program)))
      (progn
        (unless (get 'pyiq--eglot-ensure-guard 'said)
          (put 'pyiq--eglot-ensure-guard 'said t)
          (pyiq--say-later (pyiq--missing-message)))
        nil)
    t))

;;;###autoload
(defun pyiq-eglot-setup ()
  "Register pyiq with Eglot for `pyiq-major-modes'."
  (interactive)
  (setq eglot-server-programs
        (cons (cons pyiq-major-modes #'pyiq-server-contact)
              (cl-remove-if (lambda (entry) (equal (car entry) pyiq-major-modes))
                            eglot-server-programs)))
  (advice-add 'eglot-ensure :before-while #'pyiq--eglot-ensure-guard))

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
  (let* ((asked (or (plist-get result :asked) 0))
         (correct (or (plist-get result :correct) 0))
         (total (or (plist-get result :total) asked)))
    (cond ((and (zerop asked) (> total 0)) "pyiq: quiz stopped before the first answer")
          ((zerop asked) "pyiq: no quiz questions for this code yet")
          (t (format "pyiq: quiz %s: %d of %d correct"
                     (if (< asked total) "stopped" "finished") correct asked)))))

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
  "The quiz buffer, created in `special-mode'.
Its long lines (questions, verdicts) wrap at words, as prose does."
  (let ((buffer (get-buffer-create pyiq--quiz-buffer)))
    (with-current-buffer buffer
      (unless (derived-mode-p 'special-mode) (special-mode))
      (visual-line-mode 1))
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
      (let ((inhibit-read-only t)
            (start nil))
        (goto-char (point-max))
        (setq start (point))
        (pyiq--insert-fontified message)
        (insert "\n\n")
        (cl-loop for title in titles for i from 1
                 do (insert (format "  %d. %s\n" i title)))
        (insert "\n")
        (setq pyiq--question-start (copy-marker start))))
    (unless noninteractive (display-buffer buffer))
    (pyiq--show-latest buffer)
    (let* ((numbered (cl-loop for title in titles for i from 1
                              collect (cons (format "%d. %s" i title) title)))
           ;; C-g stops the quiz (answers so far are kept) instead of escaping the
           ;; process filter as "error in process filter: Quit".
           (answer (condition-case nil
                       (completing-read "pyiq, your answer: " numbered nil t)
                     (quit (pyiq--quiz-stopped buffer) nil)))
           (title (and answer
                       (or (cdr (assoc answer numbered))
                           (and (member answer titles) answer)))))
      ;; nil is JSON null to jsonrpc: the quiz ends, the answers so far are kept.
      (and title (list :title title)))))

(defun pyiq--show-latest (buffer)
  "Scroll BUFFER's windows so the last verdict and the new question show.
A window too short for both grows as far as its frame allows; when
both still do not fit, the question wins: it starts at the window's top."
  (dolist (window (get-buffer-window-list buffer nil t))
    (with-current-buffer buffer
      (let* ((question (or pyiq--question-start (point-min)))
             (verdict (and pyiq--verdict-start (< pyiq--verdict-start question)
                           pyiq--verdict-start))
             (lines (lambda (from)
                      (count-screen-lines from (point-max) nil window)))
             (wanted (1+ (funcall lines (or verdict question))))
             (short (- wanted (window-body-height window))))
        (when (> short 0)
          (ignore-errors
            (window-resize window (min short (window-max-delta window)))))
        (let ((start (if (and verdict (< (funcall lines verdict) (window-body-height window)))
                         verdict
                       question)))
          (set-window-start window (save-excursion (goto-char start) (line-beginning-position)))
          (set-window-point window (point-max)))))))

(defun pyiq--quiz-stopped (buffer)
  "Note in BUFFER that the user stopped the quiz."
  (with-current-buffer buffer
    (let ((inhibit-read-only t))
      (goto-char (point-max))
      (insert (propertize "Quiz stopped: the answers so far are kept.\n" 'face 'shadow))))
  (message "pyiq: quiz stopped (the answers so far are kept)"))

(cl-defmethod eglot-handle-notification
  ((_server pyiq-server) (_method (eql window/showMessage)) &key type message)
  "Show a verdict (or any server message) in the quiz buffer and the echo area."
  (when (or (string-prefix-p "Correct" message) (string-prefix-p "Not quite" message))
    (with-current-buffer (pyiq--quiz-buffer)
      (let ((inhibit-read-only t))
        (goto-char (point-max))
        (setq pyiq--verdict-start (copy-marker (point)))
        (insert (propertize (pyiq--emacs-commands message)
                            'face (if (string-prefix-p "Correct" message) 'success 'warning))
                "\n\n")))
    (pyiq--show-latest (pyiq--quiz-buffer)))
  (message "pyiq: %s" (pyiq--emacs-commands message))
  (when (<= type 1) (ding)))

(defun pyiq--emacs-commands (message)
  "MESSAGE with the server's \"pyiq explain ID\" as the Emacs command."
  (replace-regexp-in-string "Full answer: pyiq explain \\([^ \n]+\\)"
                            "Full answer: M-x pyiq-explain RET \\1" message t))

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
  (pyiq--execute "pyiq.explain"
                 ;; Without markdown-mode the buffer is plain text: ask for the words alone.
                 (if (fboundp 'markdown-mode) (vector id) (vector id '(:format "plaintext")))
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
  "Show quiz progress in the *pyiq stats* buffer: `pyiq stats' as a table.
The table is drawn here from `pyiq stats --format json', sized to its
contents, so it never wraps in a window narrower than a terminal."
  (interactive)
  (let ((program (pyiq--program)))
    (unless program
      (user-error "%s" (pyiq--missing-message)))
    (let* ((buffer (get-buffer-create "*pyiq stats*"))
           (lines (with-temp-buffer
                    (let* ((status (apply #'call-process (car program) nil (list t nil) nil
                                          (append (cdr program) '("stats" "--format" "json"))))
                           (stats (and (eql status 0)
                                       (ignore-errors
                                         (json-parse-string (buffer-string) :object-type 'plist
                                                            :array-type 'list :null-object nil
                                                            :false-object nil)))))
                      (if stats
                          (pyiq--stats-lines stats)
                        (list "pyiq progress" ""
                              (format "`pyiq stats' failed (exit %s): %s" status
                                      (string-trim (buffer-string)))))))))
      (with-current-buffer buffer
        (let ((inhibit-read-only t))
          (erase-buffer)
          (insert (propertize (car lines) 'face 'bold) "\n")
          (dolist (line (cdr lines)) (insert line "\n"))
          (goto-char (point-min))
          (special-mode)
          (setq truncate-lines t)))
      (unless noninteractive (display-buffer buffer))
      buffer)))

(defconst pyiq--stats-columns
  '(("topic" topic) ("level" level) ("answered" answered t) ("accuracy" accuracy t)
    ("mastered" mastered t) ("due today" due_today t) ("streak" streak t))
  "The columns of `pyiq-stats': title, key in the JSON, right-aligned or not.")

(defun pyiq--stats-cell (group key)
  "The text of column KEY for GROUP, a plist of `pyiq stats --format json'."
  (let ((value (plist-get group (intern (format ":%s" key)))))
    (pcase key
      ('accuracy (format "%d%%" (round (* 100 (or value 0)))))
      ('mastered (format "%d/%d" (or value 0) (or (plist-get group :cards) 0)))
      (_ (if value (format "%s" value) "")))))

(defun pyiq--stats-lines (stats)
  "The lines of `pyiq-stats' for STATS: a title, a table, notes."
  (let* ((total (plist-get stats :total))
         (days (or (plist-get stats :day_streak) 0))
         (threshold (plist-get stats :mastery_threshold)))
    (if (or (null total) (zerop (or (plist-get total :answered) 0)))
        (list "pyiq progress" "" "No answers yet: M-x pyiq-quiz-file quizzes you on a file.")
      (let* ((rows (append (plist-get stats :groups)
                           (list (plist-put (plist-put (copy-sequence total) :topic "all")
                                            :level nil))))
             (widths (cl-loop for (title key) in pyiq--stats-columns
                              collect (apply #'max (string-width title)
                                             (mapcar (lambda (row)
                                                       (string-width (pyiq--stats-cell row key)))
                                                     rows))))
             (line (lambda (cells)
                     (string-trim-right
                      (mapconcat #'identity
                                 (cl-loop for cell in cells for width in widths
                                          for (_title _key right) in pyiq--stats-columns
                                          collect (let ((gap (make-string
                                                              (- width (string-width cell)) ?\s)))
                                                    (if right (concat gap cell) (concat cell gap))))
                                 "  "))))
             (rule (mapconcat (lambda (width) (make-string width ?-)) widths "  "))
             (body (mapcar (lambda (row)
                             (funcall line (mapcar (lambda (column)
                                                     (pyiq--stats-cell row (cadr column)))
                                                   pyiq--stats-columns)))
                           rows)))
        (append (list "pyiq progress" ""
                      (funcall line (mapcar #'car pyiq--stats-columns))
                      rule)
                (butlast body)
                (list rule (car (last body)) ""
                      (format "Day streak: %d day%s." days (if (= days 1) "" "s")))
                (and threshold
                     (list (format "Mastered: recall probability at least %d%%."
                                   (round (* 100 threshold))))))))))

;;; Live-coding practice

(defconst pyiq--practice-buffer "*pyiq practice*")

(defconst pyiq--no-messages (list :messages :json-false)
  "Sent with the practice commands: this client shows their results.
The server then sends no window/showMessage of its own.")

(defvar-local pyiq--practice-source nil
  "In the *pyiq practice* buffer: the practice file its verdicts are about.")

(defun pyiq--any-server ()
  "The pyiq server of this buffer, else any running one, else a `user-error'."
  (or (let ((server (eglot-current-server)))
        (and server (cl-typep server 'pyiq-server) server))
      (cl-loop for servers being the hash-values of eglot--servers-by-project
               thereis (cl-find-if (lambda (s) (cl-typep s 'pyiq-server)) servers))
      (user-error "pyiq: no pyiq server is running: open a Python file of the project first")))

(defun pyiq--clean (value)
  "VALUE, server text that may hold the learner's values, as one line to show.
Control characters (escapes, line breaks) become visible, as ^[ and ^J;
a long value is cut."
  (let* ((text (if (stringp value) value (format "%s" (or value ""))))
         (text (if (> (length text) 300) (concat (substring text 0 300) "…") text)))
    (replace-regexp-in-string "[\0-\x08\x0a-\x1f\x7f]"
                              (lambda (c) (text-char-description (string-to-char c)))
                              text t t)))

(defun pyiq--clean-lines (value indent)
  "VALUE, server text of several lines, each cleaned, later ones after INDENT."
  (mapconcat #'pyiq--clean (split-string (or value "") "\n") (concat "\n" indent)))

(defun pyiq--practice-annotation (rows)
  "An annotation function for `completing-read' over the exercises ROWS."
  (lambda (title)
    (let ((row (cdr (assoc title rows))))
      (when row
        (concat (propertize " " 'display '(space :align-to 40))
                (propertize (mapconcat #'pyiq--clean
                                       (delq nil (list (plist-get row :level)
                                                       (plist-get row :topic)
                                                       (or (plist-get row :detail)
                                                           (plist-get row :status))))
                                       " · ")
                            'face 'completions-annotations))))))

(defun pyiq--read-exercise (server)
  "Ask SERVER's exercises with `completing-read'; return the chosen one's id.
Each shows its level, topic and the learner's status beside it."
  (let* ((listing (jsonrpc-request server :workspace/executeCommand
                                   (list :command "pyiq.practice" :arguments [])))
         (rows (mapcar (lambda (row) (cons (pyiq--clean (plist-get row :title)) row))
                       (append (plist-get listing :exercises) nil)))
         (annotate (pyiq--practice-annotation rows))
         (table (lambda (string pred action)
                  (if (eq action 'metadata)
                      `(metadata (category . pyiq-exercise)
                                 (annotation-function . ,annotate)
                                 ;; The server's order (due, attempted, new by
                                 ;; level, solved), not the alphabet.
                                 (display-sort-function . identity)
                                 (cycle-sort-function . identity))
                    (complete-with-action action rows string pred))))
         (title (completing-read "pyiq practice: " table nil t)))
    (plist-get (cdr (assoc title rows)) :id)))

;;;###autoload
(defun pyiq-practice (id &optional callback)
  "Practise exercise ID: write its stub to practice/ID.py and open it.
The file goes into the project's root, never over existing work.
Interactively, pick the exercise with `completing-read'.  CALLBACK,
when given, receives the server's result after the file is opened."
  (interactive (list (pyiq--read-exercise (pyiq--any-server))))
  (let* ((server (pyiq--any-server))
         (root (expand-file-name (project-root (eglot--project server)))))
    (jsonrpc-async-request
     server :workspace/executeCommand
     (list :command "pyiq.practice" :arguments (vector id root))
     :success-fn
     (lambda (result)
       (let ((path (plist-get result :path)))
         (if (not path)
             (message "pyiq: %s" (or (plist-get result :error) (format "could not start %s" id)))
           (find-file path)
           (unless (eq (plist-get result :created) t)
             (message "pyiq: %s already exists: your work there is kept"
                      (file-relative-name path root)))))
       (when callback (funcall callback result)))
     :error-fn (lambda (error)
                 (message "pyiq: could not start %s: %s" id (plist-get error :message))))))

(defun pyiq--practice-target ()
  "The practice file a command is about.
This buffer, or in the *pyiq practice* buffer the file its verdicts show."
  (let ((source (and (equal (buffer-name) pyiq--practice-buffer) pyiq--practice-source)))
    (if (buffer-live-p source)
        source
      (unless (buffer-file-name)
        (user-error "pyiq: open a practice file (M-x pyiq-practice) first"))
      (current-buffer))))

(defun pyiq--practice-execute (command present &optional callback)
  "Run practice COMMAND on the practice file.
PRESENT gets a result that is not the server's refusal, in the file's
buffer; CALLBACK, when given, what PRESENT returned (nil after a refusal,
which is said in the echo area)."
  (let ((source (pyiq--practice-target)))
    (with-current-buffer source
      (let ((uri (eglot--path-to-uri (buffer-file-name))))
        (pyiq--execute command (vector uri pyiq--no-messages)
                       (lambda (result)
                         (with-current-buffer source
                           (let ((shown (if (plist-get result :error)
                                            (message "pyiq: %s" (plist-get result :error))
                                          (funcall present result))))
                             (when callback
                               (funcall callback (and (not (plist-get result :error)) shown)))))))))))

(defvar pyiq-practice-mode-map
  (let ((map (make-sparse-keymap)))
    (define-key map "g" #'pyiq-practice-run)
    (define-key map "h" #'pyiq-practice-hint)
    (define-key map "s" #'pyiq-practice-solution)
    (define-key map "z" #'pyiq-practice-quiz)
    map)
  "Keys of the *pyiq practice* buffer.")

(define-derived-mode pyiq-practice-mode special-mode "pyiq-practice"
  "The verdicts of a practice run.
g runs the tests again, h shows a hint, s the solution, z (after a pass)
the quiz on the constructs the solution used.")

(defun pyiq-practice-quiz ()
  "The quiz on the constructs this practice file uses (`pyiq-quiz-file' there)."
  (interactive)
  (with-current-buffer (pyiq--practice-target)
    (pyiq-quiz-file)))

(defun pyiq--practice-show (source title lines)
  "Show TITLE and LINES in the practice buffer, about the practice file SOURCE."
  (let ((buffer (get-buffer-create pyiq--practice-buffer)))
    (with-current-buffer buffer
      (let ((inhibit-read-only t))
        (unless (derived-mode-p 'pyiq-practice-mode) (pyiq-practice-mode))
        (erase-buffer)
        (insert (propertize title 'face 'bold) "\n\n")
        (dolist (line lines) (insert line "\n"))
        (insert "\n" (propertize "g: run again · h: hint · s: solution · q: close" 'face 'shadow) "\n")
        (goto-char (point-min))
        (setq pyiq--practice-source source)))
    (unless noninteractive (display-buffer buffer))
    buffer))

(defun pyiq--practice-same-failure (a b)
  "Whether tests A and B failed the same way, with no values of their own."
  (and a b
       (equal (plist-get a :status) (plist-get b :status))
       (equal (plist-get a :message) (plist-get b :message))
       (equal (plist-get a :line) (plist-get b :line))
       (cl-every (lambda (test) (and (member (plist-get test :expected) '(nil ""))
                                     (member (plist-get test :actual) '(nil ""))))
                 (list a b))))

(defun pyiq--practice-run-lines (result)
  "The lines of a `pyiq.practice.run' RESULT: score, failures, passes."
  (let ((lines nil) (passing nil) (skipped nil) (previous nil) (same nil))
    (cl-flet ((add (line) (push line lines))
              (flush () (when same
                          (push (with-temp-buffer
                                  (insert (format "    The same for %d more: %s" (length same)
                                                  (string-join (nreverse same) ", ")))
                                  (let ((fill-column 78) (fill-prefix "    "))
                                    (fill-region (point-min) (point-max)))
                                  (buffer-string))
                                lines)
                          (setq same nil))))
      (add (propertize (format "%s %d/%d tests passed"
                               (if (eq (plist-get result :ok) t) "✓" "✗")
                               (or (plist-get result :passed) 0) (or (plist-get result :total) 0))
                       'face (if (eq (plist-get result :ok) t) 'success 'error)))
      (let ((problem (plist-get result :problem)))
        (when (and problem (not (string-empty-p problem)))
          (add "")
          (add (propertize (pyiq--clean-lines problem "") 'face 'error))))
      (dolist (test (append (plist-get result :tests) nil))
        (let ((status (plist-get test :status))
              (name (pyiq--clean (plist-get test :name))))
          (cond
           ((equal status "passed") (push name passing))
           ((equal status "not-run") (push test skipped))
           ((pyiq--practice-same-failure previous test) (push name same))
           (t
            (flush)
            (setq previous test)
            (add "")
            (add (concat (propertize (concat (if (equal status "timeout") "⏱ " "✗ ") name) 'face 'error)
                         (if (plist-get test :line) (format "  (line %s)" (plist-get test :line)) "")
                         (if (equal status "timeout") "  timed out" "")))
            (let ((input (plist-get test :input))
                  (expected (plist-get test :expected))
                  (actual (plist-get test :actual))
                  (message (plist-get test :message)))
              (unless (member input '(nil ""))
                (add (concat (propertize "    call      " 'face 'shadow) (pyiq--clean input))))
              (if (or (not (member expected '(nil ""))) (not (member actual '(nil ""))))
                  (progn
                    (add (concat (propertize "    expected  " 'face 'shadow) (pyiq--clean expected)))
                    (add (concat (propertize "    actual    " 'face 'shadow) (pyiq--clean actual))))
                (unless (member message '(nil ""))
                  (add (concat "    " (pyiq--clean-lines message "    "))))))))))
      (flush)
      (when passing
        (add "")
        (add (propertize (format "✓ %d passed: %s" (length passing) (string-join (nreverse passing) ", "))
                         'face 'success)))
      (when skipped
        (add "")
        (add (format "– %d not run: %s" (length skipped)
                     (pyiq--clean (or (plist-get (car (last skipped)) :message) "")))))
      (when (eq (plist-get result :ok) t)
        (add "")
        (add (pyiq--clean (plist-get result :summary)))
        (let ((offer (plist-get result :offer)))
          (when (plist-get offer :message)
            (add "")
            (add (pyiq--clean (plist-get offer :message)))
            (add (format "z: %s" (pyiq--clean (plist-get offer :title))))))))
    (nreverse lines)))

;;;###autoload
(defun pyiq-practice-run (&optional callback)
  "Run the exercise's tests on this practice file (saved or not).
The verdicts show in the *pyiq practice* buffer.  CALLBACK, when
given, receives the server's result."
  (interactive)
  (message "pyiq: running the tests…")
  (pyiq--practice-execute
   "pyiq.practice.run"
   (lambda (result)
     (pyiq--practice-show (current-buffer)
                          (format "pyiq practice · %s" (pyiq--clean (plist-get result :title)))
                          (pyiq--practice-run-lines result))
     (message "pyiq: %s" (pyiq--clean (plist-get result :summary)))
     result)
   callback))

;;;###autoload
(defun pyiq-practice-hint (&optional callback)
  "Show the next hint for this practice file.
CALLBACK, when given, receives the server's result."
  (interactive)
  (pyiq--practice-execute
   "pyiq.practice.hint"
   (lambda (result)
     (with-current-buffer
         (pyiq--practice-show (current-buffer)
                              (format "pyiq practice · %s" (pyiq--clean (plist-get result :title)))
                              (list (pyiq--clean-lines (plist-get result :hint) "")))
       (let ((fill-column 78) (inhibit-read-only t))
         (fill-region (point-min) (point-max))))
     result)
   callback))

;;;###autoload
(defun pyiq-practice-solution (&optional callback)
  "Show the reference solution of this file's exercise, after a first run.
CALLBACK, when given, receives the solution's buffer."
  (interactive)
  (pyiq--practice-execute
   "pyiq.practice.solution"
   (lambda (result)
     (let ((buffer (get-buffer-create "*pyiq solution*")))
       (with-current-buffer buffer
         (let ((inhibit-read-only t))
           (erase-buffer)
           (insert (format "# Reference solution: %s\n# %s\n\n"
                           (pyiq--clean (plist-get result :title))
                           (pyiq--clean (plist-get result :complexity)))
                   (or (plist-get result :solution) ""))
           (goto-char (point-min))
           (delay-mode-hooks (python-mode))
           (font-lock-ensure)
           (setq buffer-read-only t)
           (local-set-key "q" #'quit-window)))
       (unless noninteractive (display-buffer buffer))
       buffer))
   callback))

(provide 'pyiq)
;;; pyiq.el ends here
