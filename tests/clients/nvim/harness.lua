-- What the headless Neovim scripts share: record steps and errors in `out`, wait with a
-- timeout, and write `out` to $PYIQ_RESULT as JSON however the script ended.
--   local h = dofile(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h") .. "/harness.lua")

local H = { out = { steps = {}, errors = {}, waits = {} } }

-- Every wait shares one budget, the script's whole time (PYIQ_BUDGET_MS, below the test's
-- own timeout), instead of a deadline per step: on a loaded machine (the tests run under
-- `nice`, beside other work) one step may take many times its usual second, and a fixed
-- 10 or 20 s per step made the test fail where nothing was wrong. `ms` is how long the step
-- usually needs at most; a slower one is recorded in `out.waits`, never an error.
local budget_ms = tonumber(os.getenv("PYIQ_BUDGET_MS") or "") or 200000
local deadline = vim.loop.hrtime() / 1e6 + budget_ms

function H.step(name)
  table.insert(H.out.steps, name)
end

--- Waits for `cond` within the script's budget; `describe()` (optional) says what the
--- editor showed instead when it never came.
function H.wait(ms, cond, what, describe)
  local started = vim.loop.hrtime() / 1e6
  local left = math.max(deadline - started, 0)
  if not vim.wait(left, cond, 20) then
    local seen = describe and (": " .. tostring(describe())) or ""
    error(string.format("timed out waiting for %s (%d ms)%s", what, left, seen))
  end
  local took = vim.loop.hrtime() / 1e6 - started
  if took > ms then
    table.insert(H.out.waits, string.format("%s: %d ms (usually under %d)", what, took, ms))
  end
end

--- Calls `start(callback)` and waits for the callback; returns its second argument.
function H.await(start, what)
  local done, value = false, nil
  start(function(_, result)
    done, value = true, result
  end)
  H.wait(30000, function()
    return done
  end, what)
  return value
end

--- Runs `main`, records an error's traceback, writes the result and quits Neovim.
function H.run(main)
  local ok, err = xpcall(main, debug.traceback)
  if not ok then
    table.insert(H.out.errors, tostring(err))
  end
  local written, why = pcall(function()
    local file = io.open(os.getenv("PYIQ_RESULT"), "w")
    file:write(vim.fn.json_encode(H.out))
    file:close()
  end)
  if not written then
    io.stderr:write(tostring(why))
  end
  vim.cmd("qall!")
end

return H
