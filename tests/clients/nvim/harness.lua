-- What the headless Neovim scripts share: record steps and errors in `out`, wait with a
-- timeout, and write `out` to $PYIQ_RESULT as JSON however the script ended.
--   local h = dofile(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":h") .. "/harness.lua")

local H = { out = { steps = {}, errors = {} } }

function H.step(name)
  table.insert(H.out.steps, name)
end

function H.wait(ms, cond, what)
  if not vim.wait(ms, cond, 20) then
    error("timed out waiting for " .. what)
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
