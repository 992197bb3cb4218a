import os


class Config:
    pass


config = Config()
config.debug = True
self_like = object()
os.environ["HOME"] = "/tmp"
value = setattr(config, "debug", False)


def patch(module):
    module.getcwd = lambda: "/"  # a parameter, not an imported module


def test_env(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))  # the environment, not a module's attribute
    monkeypatch.chdir(tmp_path)
