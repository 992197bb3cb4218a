-- pyiq for Neovim: registers the pyiq language server for Python buffers and adds
-- :PyiqQuiz, :PyiqExplain, :PyiqStats and the live-coding practice commands (:PyiqPractice,
-- :PyiqPracticeRun, :PyiqPracticeHint, :PyiqPracticeSolution; see lua/pyiq/practice.lua).
--
-- Works from Neovim 0.7 (Debian bookworm) on. The server is registered with, in order:
-- vim.lsp.config + vim.lsp.enable (0.11+), nvim-lspconfig when it is installed, or an
-- autocommand that calls vim.lsp.start (0.8+) or vim.lsp.start_client + buf_attach_client
-- (0.7). The quiz runs over the standard window/showMessageRequest, answered through
-- vim.ui.select, so any picker plugin that replaces vim.ui.select (telescope, dressing,
-- fzf-lua, ...) shows it.

local M = {}

local NAME = "pyiq"
-- pyiq is installed from its repository (there is no package index release).
local INSTALL = "pipx install /path/to/pyiq (its repository), or `make demo` there and cmd = { '/path/to/pyiq/.venv/bin/pyiq', 'serve' }"

local defaults = {
  -- The server command; nil finds `pyiq` on PATH (or in $VIRTUAL_ENV).
  cmd = nil,
  filetypes = { "python" },
  root_markers = { "pyproject.toml", "setup.py", "setup.cfg", "ruff.toml", ".git" },
  -- Server settings (select, ignore, severity, level, conceptDiagnostics, codeLens,
  -- respectRuff, quizUi, masteryThreshold, quizLength), sent as initializationOptions and
  -- answered to workspace/configuration.
  settings = {},
  -- Refresh and show code lenses ("3 interview topics · Quiz me"); run one with
  -- :lua vim.lsp.codelens.run().
  codelens = true,
  -- Use nvim-lspconfig when it is installed.
  use_lspconfig = true,
  -- Buffer-local keys set when the server attaches (false: none). On Neovim 0.7 neither
  -- exists by default; 0.10+ maps them the same way. A key already mapped for the buffer is
  -- left alone.
  keymaps = { hover = "K", code_action = "gra" },
  -- Function(client, bufnr), called after pyiq's own set-up when the server attaches.
  on_attach = nil,
  capabilities = nil,
}

M.config = vim.deepcopy(defaults)

local function notify(message, level)
  vim.notify("pyiq: " .. message, level or vim.log.levels.INFO)
end

-- A settings table that encodes as a JSON object even when empty.
local function as_object(value)
  if type(value) ~= "table" or vim.tbl_isempty(value) then
    return vim.empty_dict()
  end
  return value
end

local function is_executable(path)
  return path ~= nil and path ~= "" and vim.fn.executable(path) == 1
end

--- The command that starts the server, or nil (and why) when none is found.
function M.server_cmd(config)
  config = config or M.config
  if type(config.cmd) == "string" then
    return { config.cmd, "serve" }
  end
  if type(config.cmd) == "table" and #config.cmd > 0 then
    local cmd = vim.deepcopy(config.cmd)
    if not vim.tbl_contains(cmd, "serve") then
      table.insert(cmd, "serve")
    end
    return cmd
  end
  local venv = vim.env.VIRTUAL_ENV
  if venv and is_executable(venv .. "/bin/pyiq") then
    return { venv .. "/bin/pyiq", "serve" }
  end
  if is_executable("pyiq") then
    return { vim.fn.exepath("pyiq"), "serve" }
  end
  return nil,
    "the pyiq language server was not found. Install it with `"
      .. INSTALL
      .. "`, or pass its command: require('pyiq').setup{ cmd = { '/path/to/pyiq', 'serve' } }"
end

--- The nearest directory above `path` holding one of the root markers, or the file's directory.
function M.root_dir(path, markers)
  markers = markers or M.config.root_markers
  local dir = vim.fn.fnamemodify(path, ":p:h")
  local home = vim.loop.os_homedir()
  local current = dir
  while current and current ~= "" do
    for _, marker in ipairs(markers) do
      if vim.loop.fs_stat(current .. "/" .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current or current == home then
      break
    end
    current = parent
  end
  return dir
end

local quiz = require("pyiq.quiz")

-- Verdicts go to the quiz window; any other message to Neovim's own handler.
local function show_message(err, result, ctx, config)
  if result and quiz.is_verdict(result.message) then
    quiz.show_verdict(result.message)
    return vim.NIL
  end
  return vim.lsp.handlers["window/showMessage"](err, result, ctx, config)
end

-- workspace/diagnostic/refresh (sent when settings or quiz answers change the hints): pull
-- every attached buffer's diagnostics again. Neovim 0.11 pulls on edits only.
local function refresh_diagnostics(_, _, ctx)
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if client then
    for bufnr in pairs(client.attached_buffers or {}) do
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }
      client:request("textDocument/diagnostic", params, function(err, result, rctx, config)
        return vim.lsp.handlers["textDocument/diagnostic"](err, result, rctx, config)
      end, bufnr)
    end
  end
  return vim.NIL
end

local hover = require("pyiq.hover")

M.handlers = {
  ["window/showMessageRequest"] = quiz.request,
  ["window/showMessage"] = show_message,
  ["workspace/diagnostic/refresh"] = refresh_diagnostics,
}
if vim.fn.has("nvim-0.11") == 0 then
  -- Before 0.11 vim.lsp.buf.hover() shows the hover through this handler (see pyiq.hover).
  M.handlers["textDocument/hover"] = hover.handler
end

-- The client's capabilities, announcing diagnostic refresh where Neovim pulls (0.11+).
local function capabilities()
  local caps = M.config.capabilities or vim.lsp.protocol.make_client_capabilities()
  if vim.fn.has("nvim-0.11") == 1 and vim.tbl_get(caps, "textDocument", "diagnostic") then
    caps = vim.deepcopy(caps)
    caps.workspace = caps.workspace or {}
    caps.workspace.diagnostics = vim.tbl_extend("force", caps.workspace.diagnostics or {}, { refreshSupport = true })
  end
  return caps
end

local function has(version)
  return vim.fn.has("nvim-" .. version) == 1
end

local function find_client(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = bufnr, name = NAME })[1]
  end
  for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
    if client.name == NAME then
      return client
    end
  end
  return nil
end

-- Client methods became `client:method()` in 0.11; the dot form is deprecated there.
local function client_request(client, method, params, handler, bufnr)
  if has("0.11") then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function client_stopped(client)
  if has("0.11") then
    return client:is_stopped()
  end
  return client.is_stopped()
end

M.client = find_client

--- The pyiq client of `bufnr`, else any running pyiq client (practice starts from any buffer).
function M.any_client(bufnr)
  local client = find_client(bufnr)
  if client then
    return client
  end
  local all = vim.lsp.get_clients and vim.lsp.get_clients({ name = NAME }) or vim.lsp.get_active_clients()
  for _, candidate in ipairs(all) do
    if candidate.name == NAME and not client_stopped(candidate) then
      return candidate
    end
  end
  return nil
end

--- A synchronous request (completion needs its answer at once); nil on timeout.
function M.request_sync(client, method, params, timeout)
  if has("0.11") then
    return client:request_sync(method, params, timeout)
  end
  return client.request_sync(method, params, timeout)
end

local function set_keymaps(bufnr)
  local keys = M.config.keymaps
  if type(keys) ~= "table" then
    return
  end
  local actions = {
    hover = { modes = { "n" }, rhs = vim.lsp.buf.hover, desc = "pyiq: the interview question here (hover)" },
    code_action = { modes = { "n", "x" }, rhs = vim.lsp.buf.code_action, desc = "pyiq: quick fixes (code actions)" },
  }
  for name, lhs in pairs(keys) do
    local action = actions[name]
    if action and type(lhs) == "string" and lhs ~= "" then
      for _, mode in ipairs(action.modes) do
        local existing = vim.fn.maparg(lhs, mode, false, true)
        if not (type(existing) == "table" and existing.buffer == 1) then
          vim.keymap.set(mode, lhs, action.rhs, { buffer = bufnr, desc = action.desc, silent = true })
        end
      end
    end
  end
end

local create_commands

local function on_attach(client, bufnr)
  create_commands()
  set_keymaps(bufnr)
  if has("0.11") then
    hover.watch(function(buf)
      return find_client(buf) ~= nil
    end)
  end
  if M.config.codelens and client.server_capabilities and client.server_capabilities.codeLensProvider then
    require("pyiq.codelens").enable(client.id)
    local group = vim.api.nvim_create_augroup("pyiq_codelens_" .. bufnr, { clear = true })
    vim.api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "BufWritePost", "CursorHold" }, {
      group = group,
      buffer = bufnr,
      callback = function()
        pcall(vim.lsp.codelens.refresh)
      end,
    })
    pcall(vim.lsp.codelens.refresh)
  end
  if M.config.on_attach then
    M.config.on_attach(client, bufnr)
  end
end

local function client_config(cmd, root)
  local settings = as_object(M.config.settings)
  return {
    name = NAME,
    cmd = cmd,
    root_dir = root,
    workspace_folders = root and { { uri = vim.uri_from_fname(root), name = root } } or nil,
    init_options = settings,
    settings = { pyiq = settings },
    handlers = M.handlers,
    capabilities = capabilities(),
    on_attach = on_attach,
  }
end

local clients_by_root = {}

--- Attaches the server to a buffer, starting it for the buffer's project when needed.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  -- Files only, as 0.11's vim.lsp.enable: not pyiq's own Python scratch buffers (a reference
  -- solution), whose lens answers would come back for a buffer already wiped.
  if find_client(bufnr) or vim.bo[bufnr].buftype ~= "" then
    return
  end
  local cmd, why = M.server_cmd()
  if not cmd then
    if not M._warned then
      M._warned = true
      notify(why, vim.log.levels.WARN)
    end
    return
  end
  local name = vim.api.nvim_buf_get_name(bufnr)
  local root = M.root_dir(name ~= "" and name or vim.fn.getcwd())
  if vim.lsp.start then
    -- 0.8+: reuses the client with the same name and root.
    return vim.lsp.start(client_config(cmd, root), { bufnr = bufnr })
  end
  local id = clients_by_root[root]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or client_stopped(client) then
    id = vim.lsp.start_client(client_config(cmd, root))
    if not id then
      notify("could not start `" .. table.concat(cmd, " ") .. "`", vim.log.levels.ERROR)
      return
    end
    clients_by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

local function register_with_lspconfig(lspconfig)
  local configs = require("lspconfig.configs")
  local cmd = M.server_cmd()
  if not configs[NAME] then
    configs[NAME] = {
      default_config = {
        cmd = cmd or { "pyiq", "serve" },
        filetypes = M.config.filetypes,
        root_dir = lspconfig.util.root_pattern(unpack(M.config.root_markers)),
        single_file_support = true,
        init_options = as_object(M.config.settings),
        settings = { pyiq = as_object(M.config.settings) },
      },
      docs = {
        description = "pyiq: Python interview questions where the code is (`pyiq serve`).",
      },
    }
  end
  lspconfig[NAME].setup({
    cmd = cmd,
    handlers = M.handlers,
    capabilities = M.config.capabilities,
    on_attach = on_attach,
  })
end

-- Commands -----------------------------------------------------------------------------

local function execute_with(client, bufnr, command, arguments, callback)
  client_request(client, "workspace/executeCommand", { command = command, arguments = arguments }, function(err, result)
    if err then
      notify(command .. " failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    end
    if callback then
      callback(err, result)
    end
  end, bufnr)
  return true
end

local function execute(bufnr, command, arguments, callback)
  local client = find_client(bufnr)
  if not client then
    notify("the language server is not attached to this buffer (see :LspInfo or :messages)", vim.log.levels.WARN)
    return false
  end
  return execute_with(client, bufnr, command, arguments, callback)
end

M.execute = execute
M.execute_with = execute_with

local function summary(result)
  if type(result) ~= "table" then
    return "Quiz finished."
  end
  local asked, correct = result.asked or 0, result.correct or 0
  local total = tonumber(result.total) or asked
  if asked == 0 then
    return total > 0 and "Quiz stopped before the first answer." or "No quiz questions for this code yet."
  end
  -- Stopped with q (or a dismissed question): the answers so far are kept.
  local how = asked < total and "stopped" or "finished"
  return string.format("Quiz %s: %d of %d correct.", how, correct, asked)
end

M.summary = summary

-- The quiz's end: the summary joins the last verdict on screen, then `callback` runs.
local function finished(callback)
  return function(err, result)
    if not err then
      quiz.finish(summary(result))
    end
    if callback then
      callback(err, result)
    end
  end
end

--- Quiz on the whole buffer (pyiq.quizFile). `callback(err, result)` also gets the server's
--- summary.
function M.quiz_file(bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  return execute(bufnr, "pyiq.quizFile", { vim.uri_from_bufnr(bufnr) }, finished(callback))
end

--- Quiz on the construct under the cursor (pyiq.quizAt).
function M.quiz_at(bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = find_client(bufnr)
  local params = vim.lsp.util.make_position_params(0, client and client.offset_encoding or nil)
  return execute(bufnr, "pyiq.quizAt", { vim.uri_from_bufnr(bufnr), params.position }, finished(callback))
end

--- A read-only scratch buffer `pyiq://name` in a window below, `q` closes it.
function M.scratch(name, lines, filetype)
  vim.cmd("botright new")
  local buf = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].buftype = "nofile"
  vim.bo[buf].bufhidden = "wipe"
  vim.bo[buf].swapfile = false
  vim.bo[buf].modifiable = false
  vim.bo[buf].filetype = filetype
  pcall(vim.api.nvim_buf_set_name, buf, "pyiq://" .. name)
  vim.keymap.set("n", "q", "<cmd>close<cr>", { buffer = buf, nowait = true, silent = true })
  return buf
end

local function show_markdown(title, markdown)
  return M.scratch(title, vim.split(markdown, "\n", { plain = true }), "markdown")
end

-- The rule of the pyiq diagnostic under the cursor, if any.
local function rule_at_cursor(bufnr)
  local line = vim.api.nvim_win_get_cursor(0)[1] - 1
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = line })) do
    if d.source == "pyiq" and d.code then
      return tostring(d.code)
    end
  end
  return nil
end

--- Explains a rule or question id (pyiq.explain) in a Markdown scratch buffer.
function M.explain(id, bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local function run(key)
    if not key or key == "" then
      return
    end
    execute(bufnr, "pyiq.explain", { key }, function(err, result)
      if err then
        return callback and callback(err, nil)
      end
      if type(result) ~= "string" or result == "" then
        notify("nothing is known about " .. key, vim.log.levels.WARN)
        return callback and callback(nil, nil)
      end
      local buf = show_markdown(key, result)
      if callback then
        callback(nil, buf)
      end
    end)
  end
  if id and id ~= "" then
    return run(id)
  end
  local guess = rule_at_cursor(bufnr)
  vim.ui.input({ prompt = "pyiq: explain rule or question: ", default = guess or "" }, run)
end

--- Progress: `pyiq.stats` from the server when it offers it, else `pyiq stats` in a terminal.
function M.stats(bufnr, callback)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = find_client(bufnr)
  local provider = client and client.server_capabilities.executeCommandProvider
  if provider and vim.tbl_contains(provider.commands or {}, "pyiq.stats") then
    return execute(bufnr, "pyiq.stats", {}, function(err, result)
      if not err then
        local buf = show_markdown("progress", table.concat(require("pyiq.stats").lines(result), "\n"))
        vim.wo.wrap = false
        if callback then
          callback(nil, buf)
        end
      end
    end)
  end
  local cmd = (client and client.config.cmd) or M.server_cmd()
  if not cmd then
    notify("pyiq is not installed: " .. INSTALL, vim.log.levels.WARN)
    return false
  end
  local argv = {}
  for _, word in ipairs(cmd) do
    if word == "serve" then
      break
    end
    table.insert(argv, word)
  end
  table.insert(argv, "stats")
  vim.cmd("botright new")
  vim.fn.termopen(argv)
  return true
end

create_commands = function()
  vim.api.nvim_create_user_command("PyiqQuiz", function(opts)
    if opts.args == "here" then
      M.quiz_at(0)
    else
      M.quiz_file(0)
    end
  end, {
    nargs = "?",
    complete = function()
      return { "here" }
    end,
    desc = "pyiq: quiz me on this file (`:PyiqQuiz here`: on the construct under the cursor)",
  })
  vim.api.nvim_create_user_command("PyiqExplain", function(opts)
    M.explain(opts.args, 0)
  end, { nargs = "?", desc = "pyiq: explain a rule or question id (default: the one under the cursor)" })
  vim.api.nvim_create_user_command("PyiqStats", function()
    M.stats(0)
  end, { nargs = 0, desc = "pyiq: show my progress" })
  local practice = require("pyiq.practice")
  practice.register_lens_commands()
  vim.api.nvim_create_user_command("PyiqPractice", function(opts)
    if opts.args ~= "" then
      practice.start(opts.args, 0)
    else
      practice.pick(0)
    end
  end, {
    nargs = "?",
    complete = practice.complete,
    desc = "pyiq: practise a coding exercise (no argument: pick one)",
  })
  vim.api.nvim_create_user_command("PyiqPracticeRun", function()
    practice.run(0)
  end, { nargs = 0, desc = "pyiq: run this exercise's tests" })
  vim.api.nvim_create_user_command("PyiqPracticeHint", function()
    practice.hint(0)
  end, { nargs = 0, desc = "pyiq: the next hint for this exercise" })
  vim.api.nvim_create_user_command("PyiqPracticeSolution", function()
    practice.solution(0)
  end, { nargs = 0, desc = "pyiq: this exercise's reference solution" })
end

--- The server's configuration for vim.lsp.config (Neovim 0.11+). lsp/pyiq.lua returns it,
--- so `vim.lsp.enable("pyiq")` alone works when this plugin is on the runtime path.
function M.lsp_config()
  local settings = as_object(M.config.settings)
  return {
    cmd = M.server_cmd() or { "pyiq", "serve" },
    filetypes = M.config.filetypes,
    root_markers = M.config.root_markers,
    init_options = settings,
    settings = { pyiq = settings },
    handlers = M.handlers,
    capabilities = capabilities(),
    on_attach = on_attach,
  }
end

--- Registers the server and the commands. Options: see `defaults` above and :help pyiq.
function M.setup(opts)
  M.config = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  if opts and opts.settings then
    -- Lists (select, ignore, level) replace the defaults instead of merging by index.
    M.config.settings = opts.settings
  end
  create_commands()
  if vim.lsp.config and vim.lsp.enable then
    -- 0.11+: the built-in registry (nvim-lspconfig itself now only feeds it configs).
    local cmd, why = M.server_cmd()
    if not cmd then
      notify(why, vim.log.levels.WARN)
      return
    end
    vim.lsp.config(NAME, M.lsp_config())
    vim.lsp.enable(NAME)
    M.using = "vim.lsp.config"
    return
  end
  local ok, lspconfig = false, nil
  if M.config.use_lspconfig then
    ok, lspconfig = pcall(require, "lspconfig")
  end
  if ok and lspconfig then
    M.using = "lspconfig"
    register_with_lspconfig(lspconfig)
    return
  end
  M.using = "builtin"
  local group = vim.api.nvim_create_augroup("pyiq_attach", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  -- Buffers opened before setup().
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
