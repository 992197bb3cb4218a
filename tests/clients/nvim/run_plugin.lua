-- Drives client/nvim's plugin in a headless Neovim against the real `pyiq serve`, and writes
-- what happened to $PYIQ_RESULT as JSON for test_nvim.py to check.
--
-- Environment: PYIQ_PLUGIN (client/nvim), PYIQ_SERVER (the server argv, JSON), PYIQ_FILE (the
-- Python file to open), PYIQ_RESULT (output path), PYIQ_HOVER_LINE/COL (0-based position to
-- hover), PYIQ_FAKE_LSPCONFIG (a directory with a fake lspconfig to take that path instead).

local h = dofile(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h") .. "/harness.lua")
local out, step, wait = h.out, h.step, h.wait

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
  -- Verdicts are shown in pyiq's quiz window, which waits for a key before the next
  -- question: record what the window shows at that moment, then press <Space>.
  out.verdict_screens = {}
  local quiz = require("pyiq.quiz")
  quiz.wait_for_key = function()
    local win = quiz.state.win
    table.insert(out.verdict_screens, {
      lines = vim.api.nvim_buf_get_lines(quiz.state.buf, 0, -1, false),
      focused = vim.api.nvim_get_current_win() == win,
      floating = vim.api.nvim_win_get_config(win).relative ~= "",
    })
    return " "
  end
  -- How diagnostics arrive: pushed (publishDiagnostics) or pulled (textDocument/diagnostic).
  out.arrivals = { pushed = 0, pulled = 0 }
  for method, key in pairs({ ["textDocument/publishDiagnostics"] = "pushed", ["textDocument/diagnostic"] = "pulled" }) do
    local original = vim.lsp.handlers[method]
    if original then
      vim.lsp.handlers[method] = function(err, result, ctx, config)
        out.arrivals[key] = out.arrivals[key] + 1
        return original(err, result, ctx, config)
      end
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
  local function keymap(lhs)
    local map = vim.fn.maparg(lhs, "n", false, true)
    return { buffer = map.buffer, desc = map.desc or vim.NIL }
  end
  out.keymaps = { K = keymap("K"), gra = keymap("gra") }
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

  -- Code lenses: drawn as virtual lines (above the definition, below on the first line).
  wait(20000, function()
    local ns = vim.lsp.codelens.__namespaces[client.id]
    return #vim.api.nvim_buf_get_extmarks(buf, ns, 0, -1, {}) > 0
  end, "code lenses")
  out.lenses = {}
  for _, mark in ipairs(vim.api.nvim_buf_get_extmarks(buf, vim.lsp.codelens.__namespaces[client.id], 0, -1, { details = true })) do
    local details = mark[4]
    table.insert(out.lenses, {
      line = mark[2],
      above = details.virt_lines_above or false,
      virt_lines = details.virt_lines and vim.tbl_map(function(chunks)
        return table.concat(vim.tbl_map(function(c) return c[1] end, chunks))
      end, details.virt_lines) or vim.NIL,
      virt_text = details.virt_text and true or false,
    })
  end
  step("lenses")

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

  -- K's float: its lines break at words (pyiq.hover), and before 0.10 Vim's Markdown syntax
  -- does not paint the underscore of a name such as literal_eval red.
  vim.api.nvim_win_set_cursor(0, { params.position.line + 1, params.position.character })
  vim.lsp.buf.hover()
  local float = nil
  wait(20000, function()
    local ok, win = pcall(vim.api.nvim_buf_get_var, buf, "lsp_floating_preview")
    float = ok and win or nil
    return float ~= nil and vim.api.nvim_win_is_valid(float)
  end, "the hover float")
  vim.wait(2000, function()
    return vim.api.nvim_win_get_option(float, "linebreak")
  end, 20)
  out.hover_float = {
    linebreak = vim.api.nvim_win_get_option(float, "linebreak"),
    markdown_error = vim.api.nvim_win_call(float, function()
      return vim.fn.execute("silent! syntax list markdownError")
    end),
  }
  vim.api.nvim_win_close(float, true)
  step("hover float")

  out.pulled_before_quiz = out.arrivals.pulled
  local quiz_done = false
  pyiq.quiz_file(buf, function(err, result)
    out.quiz = { err = err and (err.message or vim.inspect(err)) or vim.NIL, result = result }
    quiz_done = true
  end)
  wait(60000, function()
    return quiz_done
  end, "the quiz")
  -- The last verdict stays, with the summary, until the user closes it.
  out.final_screen = quiz.is_open() and vim.api.nvim_buf_get_lines(quiz.state.buf, 0, -1, false) or vim.NIL
  vim.api.nvim_feedkeys("q", "x", false)
  out.final_closed = not quiz.is_open()
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
  require("pyiq.quiz").close()
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

  -- :PyiqStats: the server's progress as a table.
  local stats_buf = nil
  pyiq.stats(buf, function(_, b)
    stats_buf = b
  end)
  wait(20000, function()
    return stats_buf ~= nil
  end, "the progress")
  out.stats_filetype = vim.bo[stats_buf].filetype
  out.stats_lines = vim.api.nvim_buf_get_lines(stats_buf, 0, -1, false)
  out.commands_after = vim.fn.exists(":PyiqStats")
  -- 0.11: the answers changed the hints; the server's refresh makes Neovim pull again.
  vim.wait(5000, function()
    return vim.fn.has("nvim-0.11") == 0 or out.arrivals.pulled > out.pulled_before_quiz
  end, 50)
  step("stats")
end

h.run(main)
