-- Drives client/nvim's plugin in a headless Neovim against the real `pyiq serve`, and writes
-- what happened to $PYIQ_RESULT as JSON for test_nvim.py to check.
--
-- Environment: PYIQ_PLUGIN (client/nvim), PYIQ_SERVER (the server argv, JSON), PYIQ_FILE (the
-- Python file to open), PYIQ_RESULT (output path), PYIQ_HOVER_LINE/COL (0-based position to
-- hover), PYIQ_FAKE_LSPCONFIG (a directory with a fake lspconfig to take that path instead).

local out = { steps = {}, errors = {} }
local function step(name)
  table.insert(out.steps, name)
end

local function finish()
  local file = io.open(os.getenv("PYIQ_RESULT"), "w")
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd("qall!")
end

local function wait(ms, cond, what)
  if not vim.wait(ms, cond, 20) then
    error("timed out waiting for " .. what)
  end
end

local function main()
  vim.opt.runtimepath:prepend(os.getenv("PYIQ_PLUGIN"))
  local fake = os.getenv("PYIQ_FAKE_LSPCONFIG")
  if fake and fake ~= "" then
    vim.opt.runtimepath:prepend(fake)
  end
  out.nvim = vim.version()

  -- The quiz's questions arrive as window/showMessageRequest -> vim.ui.select; answer a
  -- different choice each time (first, second, ...) and record the prompts. Verdicts arrive
  -- as window/showMessage.
  out.prompts, out.verdicts = {}, {}
  vim.ui.select = function(items, opts, on_choice)
    table.insert(out.prompts, {
      prompt = opts.prompt,
      kind = opts.kind,
      choices = vim.tbl_map(opts.format_item or tostring, items),
    })
    local index = ((#out.prompts - 1) % #items) + 1
    out.prompts[#out.prompts].chosen = index
    on_choice(items[index], index)
  end
  local show_message = vim.lsp.handlers["window/showMessage"]
  vim.lsp.handlers["window/showMessage"] = function(err, result, ctx, config)
    table.insert(out.verdicts, { type = result.type, message = result.message })
    if result.type > 2 then
      return show_message(err, result, ctx, config)
    end
  end

  local pyiq = require("pyiq")
  pyiq.setup({
    cmd = vim.fn.json_decode(os.getenv("PYIQ_SERVER")),
    settings = { conceptDiagnostics = "hint" },
  })
  out.using = pyiq.using
  out.commands = {
    PyiqQuiz = vim.fn.exists(":PyiqQuiz"),
    PyiqExplain = vim.fn.exists(":PyiqExplain"),
    PyiqStats = vim.fn.exists(":PyiqStats"),
  }
  step("setup")
  if pyiq.using == "lspconfig" then
    out.lspconfig = require("lspconfig")._recorded
    return
  end

  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("PYIQ_FILE")))
  local buf = vim.api.nvim_get_current_buf()
  wait(20000, function()
    local client = pyiq.client(buf)
    return client ~= nil and client.initialized == true
  end, "the server to initialize")
  local client = pyiq.client(buf)
  out.client = { name = client.name, root_dir = client.config.root_dir, cmd = client.config.cmd }
  step("attached")

  wait(20000, function()
    return #vim.diagnostic.get(buf) > 0
  end, "diagnostics")
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      severity = d.severity,
      source = d.source,
      code = d.code,
      message = d.message,
    })
  end
  step("diagnostics")

  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = tonumber(os.getenv("PYIQ_HOVER_LINE")), character = tonumber(os.getenv("PYIQ_HOVER_COL")) },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 20000) or {}
  for _, response in pairs(responses) do
    if response.result and response.result.contents then
      local contents = response.result.contents
      out.hover = type(contents) == "table" and (contents.value or vim.inspect(contents)) or contents
    end
    if response.err then
      table.insert(out.errors, "hover: " .. vim.inspect(response.err))
    end
  end
  step("hover")

  local quiz_done = false
  pyiq.quiz_file(buf, function(err, result)
    out.quiz = { err = err and (err.message or vim.inspect(err)) or vim.NIL, result = result }
    quiz_done = true
  end)
  wait(60000, function()
    return quiz_done
  end, "the quiz")
  step("quiz")

  -- The same through the user command, on the construct under the cursor.
  local here_done = false
  local quiz_at = pyiq.quiz_at
  vim.api.nvim_win_set_cursor(0, { params.position.line + 1, params.position.character })
  pyiq.quiz_at = function(b)
    return quiz_at(b, function(err, result)
      out.quiz_here = { err = err and (err.message or vim.inspect(err)) or vim.NIL, result = result }
      here_done = true
    end)
  end
  vim.cmd("PyiqQuiz here")
  wait(60000, function()
    return here_done
  end, "the quiz on the construct")
  pyiq.quiz_at = quiz_at
  step("quiz here")

  local explained = nil
  pyiq.explain("mutable-default-argument", buf, function(err, explain_buf)
    explained = { err = err and vim.inspect(err) or vim.NIL, lines = explain_buf and vim.api.nvim_buf_get_lines(explain_buf, 0, -1, false) or {} }
    if explain_buf then
      out.explain_filetype = vim.bo[explain_buf].filetype
    end
  end)
  wait(20000, function()
    return explained ~= nil
  end, "the explanation")
  out.explain = explained
  step("explain")

  -- :PyiqStats: `pyiq stats` (same installation as the server) in a terminal split.
  vim.cmd("PyiqStats")
  local term = vim.api.nvim_get_current_buf()
  out.stats_buftype = vim.bo[term].buftype
  local job = vim.b[term].terminal_job_id
  local code = vim.fn.jobwait({ job }, 30000)[1]
  out.stats_exit = code
  vim.wait(200)
  out.stats_lines = vim.tbl_filter(function(line)
    return line ~= ""
  end, vim.api.nvim_buf_get_lines(term, 0, -1, false))
  step("stats")
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  table.insert(out.errors, tostring(err))
end
local ok_finish, finish_err = pcall(finish)
if not ok_finish then
  io.stderr:write(tostring(finish_err))
  vim.cmd("qall!")
end
