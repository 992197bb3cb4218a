-- Live-coding practice in a headless Neovim against the real `pyiq serve`: :PyiqPractice picks
-- an exercise through vim.ui.select, its stub opens, the "▶ Run tests" lens runs the tests and
-- the verdicts show in the floating window, then a wrong answer, a hint, the solution, and
-- :PyiqPractice ID with completion. Writes what it saw to $PYIQ_RESULT as JSON.
--
-- Environment: as run_plugin.lua (PYIQ_PLUGIN, PYIQ_SERVER, PYIQ_FILE, PYIQ_RESULT).

local h = dofile(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h") .. "/harness.lua")
local out, step, wait = h.out, h.step, h.wait

local WRONG = { "# pyiq practice: two-sum", "def two_sum(nums, target):", "    return (0, 1)" }

-- The lines of the verdict window once its score line (the third) reads `score`.
local function verdicts(score, what)
  local practice = require("pyiq.practice")
  wait(60000, function()
    return practice.is_open() and vim.api.nvim_buf_get_lines(practice.state.buf, 2, 3, false)[1] == score
  end, what, function()
    return practice.is_open() and table.concat(vim.api.nvim_buf_get_lines(practice.state.buf, 0, -1, false), "\n")
      or "no verdict window"
  end)
  return vim.api.nvim_buf_get_lines(practice.state.buf, 0, -1, false)
end

local function main()
  vim.opt.runtimepath:prepend(os.getenv("PYIQ_PLUGIN"))
  -- Pickers: record what is offered, choose by a predicate set before each call. This
  -- stands for a picker plugin (telescope, fzf-lua, dressing replace vim.ui.select), which
  -- :PyiqPractice must use however long the list is.
  out.stock_select = require("pyiq.picker").is_stock()
  out.selects = {}
  local choose = nil
  vim.ui.select = function(items, opts, on_choice)
    local shown = vim.tbl_map(opts.format_item or tostring, items)
    table.insert(out.selects, { prompt = opts.prompt, kind = opts.kind or vim.NIL, items = shown })
    for i, item in ipairs(items) do
      if choose and choose(item, shown[i]) then
        return on_choice(item, i)
      end
    end
    on_choice(nil, nil)
  end

  out.plugin_select = require("pyiq.picker").is_stock()
  vim.o.lines = 24
  out.lines = vim.o.lines
  local pyiq = require("pyiq")
  local practice = require("pyiq.practice")
  pyiq.setup({ cmd = vim.fn.json_decode(os.getenv("PYIQ_SERVER")) })
  out.commands = {}
  for _, name in ipairs({ "PyiqPractice", "PyiqPracticeRun", "PyiqPracticeHint", "PyiqPracticeSolution" }) do
    out.commands[name] = vim.fn.exists(":" .. name)
  end
  step("setup")

  vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("PYIQ_FILE")))
  wait(20000, function()
    local client = pyiq.client(0)
    return client ~= nil and client.initialized == true
  end, "the server to initialize")
  step("attached")

  out.completion = vim.fn.getcompletion("PyiqPractice two", "cmdline")

  -- :PyiqPractice: the picker lists every exercise as "title  level · topic · status".
  choose = function(item)
    return item.id == "two-sum"
  end
  vim.cmd("PyiqPractice")
  wait(20000, function()
    return vim.api.nvim_buf_get_name(0):find("practice/two%-sum%.py$") ~= nil
  end, "the stub to open")
  local buf = vim.api.nvim_get_current_buf()
  out.stub_path = vim.api.nvim_buf_get_name(buf)
  out.stub_first_line = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  step("picked")

  wait(20000, function()
    local client = pyiq.client(buf)
    return client ~= nil and vim.lsp.codelens.__namespaces[client.id] ~= nil
      and #vim.api.nvim_buf_get_extmarks(buf, vim.lsp.codelens.__namespaces[client.id], 0, -1, {}) > 0
  end, "the practice lenses")
  local client = pyiq.client(buf)
  local lenses = vim.lsp.codelens.get(buf)
  out.lenses = vim.tbl_map(function(lens)
    return lens.command and lens.command.title or vim.NIL
  end, lenses)
  step("lenses")

  -- ▶ Run tests through the lens, as `:lua vim.lsp.codelens.run()` on the def line does.
  local def_line = nil
  for _, lens in ipairs(lenses) do
    if lens.command and lens.command.title:find("Run tests") then
      def_line = lens.range.start.line
    end
  end
  vim.api.nvim_win_set_cursor(0, { def_line + 1, 0 })
  choose = function(_, shown)
    return shown:find("Run tests") ~= nil
  end
  vim.lsp.codelens.run()
  wait(60000, function()
    return practice.is_open()
  end, "the verdicts of the stub")
  out.stub_screen = vim.api.nvim_buf_get_lines(practice.state.buf, 0, -1, false)
  out.stub_focused = vim.api.nvim_get_current_win() == practice.state.win
  -- The server pushed no notification of its own: the window is the result.
  out.messages = vim.fn.execute("messages")
  vim.api.nvim_feedkeys("q", "x", false)
  out.closed = not practice.is_open()
  step("stub run")

  -- A wrong answer, run with :PyiqPracticeRun: the call, the expected and the actual value.
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, WRONG)
  vim.cmd("PyiqPracticeRun")
  out.wrong_screen = verdicts("✗ 2/10 tests passed", "the verdicts of the wrong answer")
  local function practice_diagnostics()
    return #vim.tbl_filter(function(d)
      return d.source == "pyiq practice"
    end, vim.diagnostic.get(buf))
  end
  -- The run's failing tests become diagnostics (pushed on 0.7, pulled after a refresh on 0.11).
  wait(10000, function()
    return practice_diagnostics() == 8
  end, "the failing tests as diagnostics", practice_diagnostics)
  out.practice_diagnostics = practice_diagnostics()
  step("wrong run")

  -- h in the verdict window: the first hint replaces the verdicts.
  vim.api.nvim_feedkeys("h", "x", false)
  wait(20000, function()
    local first = practice.is_open() and vim.api.nvim_buf_get_lines(practice.state.buf, 2, 3, false)[1]
    return first ~= nil and first:find("^Hint 1 of") ~= nil
  end, "the hint")
  out.hint_screen = vim.api.nvim_buf_get_lines(practice.state.buf, 0, -1, false)
  step("hint")

  -- The solution: a Python buffer below.
  practice.close()
  local solution_buf = h.await(function(done)
    practice.solution(buf, done)
  end, "the solution")
  out.solution_filetype = vim.bo[solution_buf].filetype
  out.solution_lines = vim.api.nvim_buf_get_lines(solution_buf, 0, -1, false)
  -- A scratch buffer, not a file: the server is not attached to it.
  out.solution_clients = #vim.tbl_filter(function(c)
    return c.name == "pyiq"
  end, vim.lsp.get_clients and vim.lsp.get_clients({ bufnr = solution_buf }) or vim.lsp.buf_get_clients(solution_buf))
  vim.cmd("close")
  step("solution")

  -- The right answer: all green, and z takes the quiz on what the solution used.
  local root = vim.fn.fnamemodify(os.getenv("PYIQ_PLUGIN"), ":h:h")
  local solution = vim.fn.readfile(root .. "/questions/exercises/two-sum/solution.py")
  vim.api.nvim_set_current_buf(buf)
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.list_extend({ "# pyiq practice: two-sum" }, solution))
  vim.cmd("PyiqPracticeRun")
  out.right_screen = verdicts("✓ 10/10 tests passed", "the verdicts of the right answer")
  local selects_before = #out.selects
  choose = nil -- the quiz's first question is dismissed: the quiz ends there
  vim.api.nvim_feedkeys("z", "x", false)
  wait(30000, function()
    return #out.selects > selects_before
  end, "the quiz's first question")
  out.quiz_prompt = out.selects[#out.selects].prompt
  out.quiz_kind = out.selects[#out.selects].kind
  out.closed_for_quiz = not practice.is_open()
  -- Dismissed at once: the quiz says it stopped (not that there was nothing to ask).
  local function quiz_end()
    return vim.fn.execute("messages"):match("pyiq: (Quiz [^\n]*)") or vim.fn.execute("messages"):match("pyiq: (No quiz[^\n]*)")
  end
  wait(10000, function()
    return quiz_end() ~= nil
  end, "the quiz's end", function()
    return vim.fn.execute("messages")
  end)
  out.quiz_end = quiz_end()
  step("right run")

  -- :PyiqPractice ID opens the exercise directly.
  vim.cmd("PyiqPractice binary-search")
  wait(20000, function()
    return vim.api.nvim_buf_get_name(0):find("practice/binary%-search%.py$") ~= nil
  end, "binary-search to open")
  out.direct_first_line = vim.api.nvim_buf_get_lines(0, 0, 1, false)[1]
  step("direct")

  -- Server text with terminal escapes and line breaks is shown, never sent to the terminal.
  out.hostile = practice.run_lines({
    ok = false,
    passed = 0,
    total = 1,
    tests = {
      { name = "test_x", status = "failed", input = "f()", expected = "'\27[2J'", actual = "a\r\nb", message = "" },
    },
  })
  out.client_id = client.id
end

h.run(main)
