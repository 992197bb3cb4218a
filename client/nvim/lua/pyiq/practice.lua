-- Live-coding practice: pick an exercise (vim.ui.select, or pyiq's picker where Neovim's own
-- would overflow the screen), open its stub, run its tests and read the verdicts in a
-- floating window, take a hint, look at the solution.
--
-- The server does the work (`pyiq.practice`, `pyiq.practice.run|hint|solution`) and writes
-- every text; this module lays it out. Commands are sent with `{ messages = false }`, so the
-- server does not also push the result through window/showMessage (a solution would
-- otherwise arrive as a "Press ENTER" wall in the message area). The same functions answer
-- the code lenses ("▶ Run tests · 3/7 passed | Hint (3) | Solution"): they are registered in
-- vim.lsp.commands, which vim.lsp.codelens.run() consults before asking the server.

local float = require("pyiq.float")

local M = {}

local QUIET = { messages = false }
local WIDTH = 78
-- The learner's code may return a million-item list: a value is cut to this many cells.
local MAX_VALUE = 300

-- The verdict window ({ win, buf, uri }), if open.
M.state = { win = nil, buf = nil, uri = nil }

local function pyiq()
  return require("pyiq")
end

local function notify(message, level)
  vim.notify("pyiq: " .. message, level or vim.log.levels.INFO)
end

--- One screen line of server text: control characters made visible (^[, ^M), never sent to
--- the terminal as they are, and very long values cut.
local function clean(text, max)
  local value = vim.fn.strtrans(tostring(text or ""))
  if max and vim.fn.strchars(value) > max then
    value = vim.fn.strcharpart(value, 0, max) .. "…"
  end
  return value
end

-- Word-wraps one paragraph of (already clean) text to `width` cells: `first` before the
-- first line, `indent` before the others.
local function wrap(text, width, indent, first)
  indent = indent or ""
  local out, line = {}, ""
  for word in text:gmatch("%S+") do
    if line == "" then
      line = (#out > 0 and indent or (first or "")) .. word
    elseif vim.fn.strdisplaywidth(line .. " " .. word) <= width then
      line = line .. " " .. word
    else
      table.insert(out, line)
      line = indent .. word
    end
  end
  table.insert(out, line)
  return out
end

-- Every line of a multi-line server text, each cleaned and wrapped (all indented by `indent`).
local function paragraphs(text, width, indent)
  local out = {}
  for _, paragraph in ipairs(vim.split(tostring(text or ""), "\n", { plain = true })) do
    vim.list_extend(out, wrap(clean(paragraph), width, indent, indent))
  end
  return out
end

local ICONS = { passed = "✓", failed = "✗", error = "✗", timeout = "⏱", ["not-run"] = "–" }

--- The lines of a run's verdicts (a `pyiq.practice.run` result), for the window and tests.
function M.run_lines(result, width)
  width = width or WIDTH
  local lines = {}
  local passed, total = result.passed or 0, result.total or 0
  table.insert(lines, string.format("%s %d/%d tests passed", result.ok and "✓" or "✗", passed, total))
  if result.problem and result.problem ~= "" then
    table.insert(lines, "")
    vim.list_extend(lines, paragraphs(result.problem, width, ""))
  end
  local passing, skipped = {}, {}
  -- Tests that failed the same way as the one before (an untouched stub's
  -- NotImplementedError) are named under it instead of repeated.
  local previous, same = nil, {}
  local function flush_same()
    if #same > 0 then
      local text = string.format("The same for %d more: %s", #same, table.concat(same, ", "))
      vim.list_extend(lines, wrap(text, width, "    ", "    "))
    end
    same = {}
  end
  local function plain(test)
    return (test.expected or "") == "" and (test.actual or "") == ""
  end
  for _, test in ipairs(result.tests or {}) do
    local repeated = previous ~= nil
      and test.status ~= "passed"
      and test.status ~= "not-run"
      and plain(test)
      and plain(previous)
      and test.status == previous.status
      and test.message == previous.message
      and test.line == previous.line
    if repeated then
      table.insert(same, clean(test.name))
    elseif test.status == "passed" then
      table.insert(passing, clean(test.name))
    elseif test.status == "not-run" then
      table.insert(skipped, test)
    else
      flush_same()
      previous = test
      table.insert(lines, "")
      local head = (ICONS[test.status] or "✗") .. " " .. clean(test.name)
      if type(test.line) == "number" then
        head = head .. "  (line " .. test.line .. ")"
      end
      if test.status == "timeout" then
        head = head .. "  timed out"
      end
      table.insert(lines, head)
      local has_values = (test.expected or "") ~= "" or (test.actual or "") ~= ""
      if (test.input or "") ~= "" then
        table.insert(lines, "    call      " .. clean(test.input, MAX_VALUE))
      end
      if has_values then
        table.insert(lines, "    expected  " .. clean(test.expected, MAX_VALUE))
        table.insert(lines, "    actual    " .. clean(test.actual, MAX_VALUE))
      elseif (test.message or "") ~= "" then
        vim.list_extend(lines, paragraphs(test.message, width, "    "))
      end
    end
  end
  flush_same()
  if #passing > 0 then
    table.insert(lines, "")
    vim.list_extend(lines, wrap(string.format("✓ %d passed: %s", #passing, table.concat(passing, ", ")), width, "  "))
  end
  if #skipped > 0 then
    local why = skipped[1].message ~= "" and skipped[1].message or "stopped by an earlier test"
    table.insert(lines, "")
    vim.list_extend(lines, wrap(clean(string.format("– %d not run: %s", #skipped, why)), width, "  "))
  end
  if result.ok and result.summary then
    table.insert(lines, "")
    vim.list_extend(lines, paragraphs(result.summary, width))
  end
  local offer = type(result.offer) == "table" and result.offer or nil
  if result.ok and offer and offer.message then
    table.insert(lines, "")
    vim.list_extend(lines, paragraphs(offer.message, width))
  end
  return lines
end

--- "Two sum  junior · hashing · passed 2/10 · 1 attempt": one exercise in the picker.
function M.format_exercise(row)
  local parts = {}
  for _, part in ipairs({ row.level, row.topic, row.detail or row.status }) do
    if part and part ~= "" then
      table.insert(parts, clean(part))
    end
  end
  return clean(row.title or row.id) .. "  " .. table.concat(parts, " · ")
end

M.is_open, M.close = float.bind(M.state)

-- Shows `title`, `body` (lines) and `footer` in a focused, centred float; `keys` maps extra
-- keys to functions. Replaces the window's content when it is already open.
local function show(title, body, footer, keys, ok)
  local width = math.max(20, math.min(WIDTH, vim.o.columns - 6))
  local lines = { title, "" }
  for _, line in ipairs(body) do
    table.insert(lines, line)
  end
  table.insert(lines, "")
  table.insert(lines, footer)
  local buf = float.scratch(lines)
  local ns = vim.api.nvim_create_namespace("pyiq_practice")
  vim.api.nvim_buf_add_highlight(buf, ns, "Title", 0, 0, -1)
  local good = vim.fn.hlexists("DiagnosticOk") == 1 and "DiagnosticOk" or "DiagnosticInfo"
  for row, line in ipairs(lines) do
    if line:find("^✓") then
      vim.api.nvim_buf_add_highlight(buf, ns, good, row - 1, 0, -1)
    elseif line:find("^[✗⏱]") then
      vim.api.nvim_buf_add_highlight(buf, ns, "DiagnosticError", row - 1, 0, -1)
    elseif line:find("^    expected") or line:find("^    actual") or line:find("^    call") then
      vim.api.nvim_buf_add_highlight(buf, ns, "Comment", row - 1, 0, 14)
    end
  end
  if ok ~= nil and lines[3] then
    vim.api.nvim_buf_add_highlight(buf, ns, ok and good or "DiagnosticError", 2, 0, -1)
  end
  vim.api.nvim_buf_add_highlight(buf, ns, "Comment", #lines - 1, 0, -1)
  for _, lhs in ipairs({ "q", "<Esc>", "<CR>" }) do
    vim.keymap.set("n", lhs, M.close, { buffer = buf, nowait = true, silent = true })
  end
  for lhs, fn in pairs(keys or {}) do
    vim.keymap.set("n", lhs, fn, { buffer = buf, nowait = true, silent = true })
  end
  float.show(M.state, buf, width, #lines)
  return buf
end

local function bufnr_of(bufnr)
  return (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
end

-- The practice buffer a command is about: the one the verdict window belongs to when the
-- command is run from that window, else the current one.
local function target(bufnr)
  bufnr = bufnr_of(bufnr)
  if M.state.buf == bufnr and M.state.uri then
    return vim.uri_to_bufnr(M.state.uri)
  end
  return bufnr
end

local function error_of(result)
  return type(result) == "table" and type(result.error) == "string" and result.error or nil
end

-- Keys of the verdict window that run a practice command again on `source`.
local function actions(source, letters)
  local names = { r = "run", h = "hint", s = "solution" }
  local keys = {}
  for letter in letters:gmatch(".") do
    keys[letter] = function()
      M[names[letter]](source)
    end
  end
  return keys
end

-- Runs practice `command` on the buffer's file; a result that is not the server's refusal
-- goes to `present(result, bufnr, uri)`, whose return value (or the result) `callback` gets.
local function call(command, bufnr, callback, present)
  bufnr = target(bufnr)
  local uri = vim.uri_from_bufnr(bufnr)
  return pyiq().execute(bufnr, command, { uri, QUIET }, function(err, result)
    if err or type(result) ~= "table" then
      return callback and callback(err, nil)
    end
    local problem = error_of(result)
    if problem then
      notify(problem, vim.log.levels.WARN)
      return callback and callback(nil, result)
    end
    local shown = present(result, bufnr, uri)
    if callback then
      callback(nil, shown == nil and result or shown)
    end
  end)
end

--- Runs the exercise's tests on the buffer (saved or not) and shows the verdicts.
function M.run(bufnr, callback)
  notify("running the tests…")
  return call("pyiq.practice.run", bufnr, callback, function(result, source, uri)
    vim.cmd("echo ''")
    local keys = actions(source, "rhs")
    local footer = "r: run again · h: hint · s: solution · q: close"
    -- After a pass: z takes the quiz on what the solution used (in the quiz's own window).
    if result.ok and type(result.offer) == "table" then
      footer = "z: " .. clean(result.offer.title or "quiz me") .. " · r: run again · q: close"
      keys.z = function()
        M.close()
        pyiq().quiz_file(source)
      end
    end
    local title = "pyiq practice · " .. clean(result.title or result.exercise or "")
    show(title, M.run_lines(result), footer, keys, result.ok)
    M.state.uri = uri
  end)
end

--- The next hint, in the verdict window.
function M.hint(bufnr, callback)
  return call("pyiq.practice.hint", bufnr, callback, function(result, source, uri)
    local title = "pyiq practice · " .. clean(result.title or "hint")
    local footer = "r: run the tests · h: next hint · q: close"
    show(title, paragraphs(result.hint, WIDTH), footer, actions(source, "rh"))
    M.state.uri = uri
  end)
end

--- The reference solution in a Python scratch buffer below (once the tests have been run).
function M.solution(bufnr, callback)
  return call("pyiq.practice.solution", bufnr, callback, function(result)
    M.close()
    local lines = {
      "# Reference solution: " .. clean(result.title or result.id or ""),
      "# " .. clean(result.complexity or ""),
      "",
    }
    for _, line in ipairs(vim.split(result.solution or "", "\n", { plain = true })) do
      table.insert(lines, clean(line))
    end
    while #lines > 3 and lines[#lines] == "" do
      table.remove(lines)
    end
    return pyiq().scratch("solution/" .. (result.id or "exercise"), lines, "python")
  end)
end

-- The project a new stub goes into: the client's root, else the working directory.
local function root_of(client)
  local root = client and client.config and client.config.root_dir
  return (type(root) == "string" and root ~= "") and root or vim.fn.getcwd()
end

-- Sends `pyiq.practice` with `arguments` to the project's server (any buffer's: practice
-- may start from a buffer the server does not manage); false when none is running.
local function practice_command(bufnr, arguments, callback)
  local client = pyiq().any_client(bufnr)
  if not client then
    notify("open a Python file of the project first: the language server starts with it", vim.log.levels.WARN)
    return false
  end
  return pyiq().execute_with(client, bufnr, "pyiq.practice", arguments(client), callback)
end

--- Writes the stub of exercise `id` into <root>/practice/ (never over work) and opens it.
function M.start(id, bufnr, callback)
  return practice_command(bufnr_of(bufnr), function(client)
    return { id, root_of(client) }
  end, function(err, result)
    if err or type(result) ~= "table" then
      return callback and callback(err, nil)
    end
    if not result.path then
      notify(error_of(result) or ("could not start " .. id), vim.log.levels.ERROR)
      return callback and callback(nil, nil)
    end
    M.close()
    if vim.fn.fnamemodify(vim.api.nvim_buf_get_name(0), ":p") ~= vim.fn.fnamemodify(result.path, ":p") then
      vim.cmd("edit " .. vim.fn.fnameescape(vim.fn.fnamemodify(result.path, ":~:.")))
    end
    if not result.created then
      notify(vim.fn.fnamemodify(result.path, ":~:.") .. " already exists: your work there is kept")
    end
    if callback then
      callback(nil, result)
    end
  end)
end

--- The exercises (id, title, level, topic, detail) from the server.
function M.list(bufnr, callback)
  return practice_command(bufnr_of(bufnr), function()
    return {}
  end, function(err, result)
    callback(err, type(result) == "table" and result.exercises or nil)
  end)
end

--- :PyiqPractice: pick an exercise with vim.ui.select (pyiq's own scrolled list where the
--- stock one would overflow the screen, see lua/pyiq/picker.lua), then start it.
function M.pick(bufnr, callback)
  bufnr = bufnr_of(bufnr)
  return M.list(bufnr, function(err, exercises)
    if err or not exercises then
      return callback and callback(err, nil)
    end
    require("pyiq.picker").select(exercises, {
      prompt = "pyiq: practice an exercise",
      format_item = M.format_exercise,
      kind = "pyiq.practice",
    }, function(choice)
      if not choice then
        return callback and callback(nil, nil)
      end
      M.start(choice.id, bufnr, callback)
    end)
  end)
end

--- Exercise ids for :PyiqPractice's completion (asked of the server, cached per session).
function M.complete(arglead)
  if not M._ids then
    local client = pyiq().any_client(0)
    if not client then
      return {}
    end
    local response = pyiq().request_sync(client, "workspace/executeCommand", { command = "pyiq.practice", arguments = {} }, 3000)
    local rows = response and response.result and response.result.exercises
    if type(rows) ~= "table" then
      return {}
    end
    M._ids = vim.tbl_map(function(row)
      return row.id
    end, rows)
  end
  return vim.tbl_filter(function(id)
    return vim.startswith(id, arglead or "")
  end, M._ids)
end

--- The lens commands, answered here instead of by the server's notifications.
function M.register_lens_commands()
  local commands = {
    ["pyiq.practice.run"] = M.run,
    ["pyiq.practice.hint"] = M.hint,
    ["pyiq.practice.solution"] = M.solution,
  }
  for name, fn in pairs(commands) do
    vim.lsp.commands[name] = function(command, ctx)
      local uri = command.arguments and command.arguments[1]
      local bufnr = type(uri) == "string" and vim.uri_to_bufnr(uri) or (ctx and ctx.bufnr) or 0
      fn(bufnr)
    end
  end
end

return M
