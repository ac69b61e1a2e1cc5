-- Headless Neovim as an independent LSP client (Neovim 0.7+, Debian bookworm ships 0.7.2).
-- Run: NVIM_LSP_CHECK_SPEC=/path/spec.json nvim --headless --clean -n -c 'luafile lsp-check.lua'
-- The spec (written by neovim.ts) names the server command, the root folder, and for each file its filetype,
-- how many diagnostics to wait for, and where to ask for a hover. This script only observes: it writes what
-- Neovim's LSP client received (diagnostics via vim.diagnostic, hover via textDocument/hover) to spec.results,
-- and neovim.ts compares that with the expectations. It always quits, writing `fatal` on any Lua error.

local spec_path = os.getenv('NVIM_LSP_CHECK_SPEC')
local out = { files = {}, nvim = vim.version and tostring(vim.version().major) .. '.' .. vim.version().minor .. '.' .. vim.version().patch or '?' }
local spec

local function write_results()
  local path = spec and spec.results or (spec_path .. '.results.json')
  vim.fn.writefile({ vim.fn.json_encode(out) }, path)
end

local function code_of(d)
  if d.code ~= nil then return d.code end
  if d.user_data and d.user_data.lsp then return d.user_data.lsp.code end
  return nil
end

local function hover_text(result)
  if not result or not result.contents then return nil end
  local lines = vim.lsp.util.convert_input_to_markdown_lines(result.contents)
  return table.concat(lines, '\n')
end

local function run()
  spec = vim.fn.json_decode(table.concat(vim.fn.readfile(spec_path), '\n'))
  local timeout = spec.timeoutMs or 20000
  local language_ids = {}

  local client_id = vim.lsp.start_client({
    name = 'lsp-check',
    cmd = spec.cmd,
    cmd_cwd = spec.root,
    root_dir = spec.root,
    workspace_folders = { { uri = vim.uri_from_fname(spec.root), name = 'root' } },
    settings = spec.settings or vim.empty_dict(),
    get_language_id = function(bufnr, filetype) return language_ids[bufnr] or filetype end,
    on_exit = function(code, signal) out.serverExit = { code = code, signal = signal } end,
  })
  if not client_id then error('vim.lsp.start_client failed for ' .. vim.inspect(spec.cmd)) end

  for _, file in ipairs(spec.files) do
    local result = { path = file.path, diagnostics = {}, hovers = {} }
    table.insert(out.files, result)
    vim.cmd('edit ' .. vim.fn.fnameescape(file.path))
    local bufnr = vim.api.nvim_get_current_buf()
    if file.filetype then vim.api.nvim_buf_set_option(bufnr, 'filetype', file.filetype) end
    if file.languageId then language_ids[bufnr] = file.languageId end
    result.filetype = vim.api.nvim_buf_get_option(bufnr, 'filetype')
    vim.lsp.buf_attach_client(bufnr, client_id)

    local want = file.waitForDiagnostics or 1
    local started = vim.loop.now()
    vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) >= want end, 50)
    if want == 0 then vim.wait(file.settleMs or 1000, function() return false end, 50) end
    result.diagnosticsWaitMs = vim.loop.now() - started

    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      table.insert(result.diagnostics, {
        line = d.lnum, character = d.col, endLine = d.end_lnum, endCharacter = d.end_col,
        severity = d.severity, message = d.message, source = d.source, code = code_of(d),
      })
    end

    for _, position in ipairs(file.hovers or {}) do
      local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = position.line, character = position.character } }
      local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
      local text, hover_err = nil, err
      for _, response in pairs(responses or {}) do
        if response.err then hover_err = vim.inspect(response.err) end
        text = text or hover_text(response.result)
      end
      table.insert(result.hovers, { line = position.line, character = position.character, text = text, error = hover_err })
    end
  end

  vim.lsp.stop_client(client_id)
  vim.wait(3000, function() return out.serverExit ~= nil end, 50)
end

local ok, err = pcall(run)
if not ok then out.fatal = tostring(err) end
pcall(write_results)
vim.cmd('qall!')
