-- The quiz as the user meets it: each question through vim.ui.select, each verdict in a
-- floating window that stays until a key is pressed (the next question waits for it), and
-- the summary added to the last verdict's window.
--
-- The server asks over window/showMessageRequest ("Question 2 of 5\n\n...") and sends each
-- verdict as window/showMessage opening with "Correct!" or "Not quite". Neovim 0.7 calls
-- request handlers synchronously, so waiting is done with getchar() (a key) and vim.wait()
-- (an asynchronous picker); 0.10+ runs them in a coroutine, which lets a picker answer later.

local float = require("pyiq.float")

local M = {}

-- The question being answered ({ number, total }) and the verdict window, if open.
M.state = { number = nil, total = nil, win = nil, buf = nil, lines = nil }

local WIDTH = 78

--- Reads one key; returns it as a string, or nil when interrupted (CTRL-C).
--- Tests replace this to answer without a terminal.
function M.wait_for_key()
  local ok, key = pcall(vim.fn.getchar)
  if not ok then
    return nil
  end
  return type(key) == "number" and vim.fn.nr2char(key) or key
end

-- Word-wraps `text` to `width` display cells, keeping its own line breaks.
local function wrap(text, width)
  local out = {}
  for _, paragraph in ipairs(vim.split(text, "\n", { plain = true })) do
    local line = ""
    for word in paragraph:gmatch("%S+") do
      if line == "" then
        line = word
      elseif vim.fn.strdisplaywidth(line .. " " .. word) <= width then
        line = line .. " " .. word
      else
        table.insert(out, line)
        line = word
      end
    end
    table.insert(out, line)
  end
  return out
end

local function verdict_group(correct)
  if correct then
    return vim.fn.hlexists("DiagnosticOk") == 1 and "DiagnosticOk" or "DiagnosticInfo"
  end
  return "DiagnosticWarn"
end

function M.is_verdict(message)
  return type(message) == "string" and (message:find("^Correct") ~= nil or message:find("^Not quite") ~= nil)
end

-- M.close() closes the verdict window (and returns to the window the user was in).
M.is_open, M.close = float.bind(M.state)

local function header()
  local s = M.state
  if s.number and s.total then
    return string.format("pyiq quiz · question %d of %d", s.number, s.total)
  end
  return "pyiq quiz"
end

-- Shows `body` (a verdict, perhaps with the summary) and `footer` in a centred float.
local function show(body, footer, correct)
  local width = math.max(20, math.min(WIDTH, vim.o.columns - 6))
  local lines = { header(), "" }
  local verdict_rows = {}
  for _, line in ipairs(wrap(body, width)) do
    table.insert(lines, line)
    if #verdict_rows == 0 then
      table.insert(verdict_rows, #lines - 1)
    end
  end
  table.insert(lines, "")
  table.insert(lines, footer)
  local buf = M.state.buf
  if not (buf and vim.api.nvim_buf_is_valid(buf)) then
    buf = vim.api.nvim_create_buf(false, true)
    vim.bo[buf].bufhidden = "wipe"
    for _, lhs in ipairs({ "q", "<Esc>", "<CR>", "<Space>" }) do
      vim.keymap.set("n", lhs, M.close, { buffer = buf, nowait = true, silent = true })
    end
  end
  vim.bo[buf].modifiable = true
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, lines)
  vim.bo[buf].modifiable = false
  local ns = vim.api.nvim_create_namespace("pyiq_quiz")
  vim.api.nvim_buf_clear_namespace(buf, ns, 0, -1)
  vim.api.nvim_buf_add_highlight(buf, ns, "Title", 0, 0, -1)
  for _, row in ipairs(verdict_rows) do
    local first = lines[row + 1]
    local word_end = (first:find("[!:.]") or #first)
    vim.api.nvim_buf_add_highlight(buf, ns, verdict_group(correct), row, 0, word_end)
  end
  vim.api.nvim_buf_add_highlight(buf, ns, "Comment", #lines - 1, 0, -1)
  float.show(M.state, buf, width, #lines)
  M.state.lines, M.state.correct = lines, correct
end

-- In Neovim the full answer is a command away: `pyiq explain X` becomes `:PyiqExplain X`.
local function for_neovim(message)
  return (message:gsub("Full answer: pyiq explain (%S+)", "Full answer: :PyiqExplain %1"))
end

--- window/showMessage for verdicts; other messages go to `fallback`.
function M.show_verdict(message)
  local s = M.state
  local last = s.number ~= nil and s.number == s.total
  local footer = last and "q or Enter closes" or "Any key: next question · q: stop the quiz"
  show(for_neovim(message), footer, message:find("^Correct") ~= nil)
end

--- The quiz's end: the summary joins the last verdict (or is a message when none is shown).
function M.finish(summary_text)
  if M.is_open() and M.state.lines then
    local body = table.concat(vim.list_slice(M.state.lines, 3, #M.state.lines - 2), "\n")
    show(body .. "\n\n" .. summary_text, "q or Enter closes", M.state.correct)
  else
    vim.notify("pyiq: " .. summary_text, vim.log.levels.INFO)
  end
  M.state.number, M.state.total = nil, nil
end

-- Asks through vim.ui.select and returns the chosen action (nil when dismissed).
local function select(actions, prompt)
  local done, chosen = false, nil
  local co = coroutine.running()
  local waiting = false
  vim.ui.select(actions, {
    prompt = prompt,
    format_item = function(action)
      return action.title
    end,
    kind = "pyiq.quiz",
  }, function(item)
    chosen, done = item, true
    if waiting then
      coroutine.resume(co)
    end
  end)
  if not done then
    if co and coroutine.isyieldable and coroutine.isyieldable() then
      waiting = true
      coroutine.yield()
    else
      vim.wait(60 * 60 * 1000, function()
        return done
      end, 50)
    end
  end
  return chosen
end

--- window/showMessageRequest: a quiz question (after the last verdict was read).
function M.request(_, params)
  local actions = params and params.actions or {}
  if #actions == 0 then
    vim.notify(params and params.message or "", vim.log.levels.INFO)
    return vim.NIL
  end
  if M.is_open() then
    -- A prompt that waits: the verdict stays on screen until the user has read it.
    local key = M.wait_for_key()
    M.close()
    if key == nil or key == "q" or key == "\27" then
      M.state.number, M.state.total = nil, nil
      return vim.NIL
    end
  end
  local number, total = (params.message or ""):match("^Question (%d+) of (%d+)")
  M.state.number, M.state.total = tonumber(number), tonumber(total)
  return select(actions, params.message) or vim.NIL
end

return M
