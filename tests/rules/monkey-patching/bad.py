import os
import sys
from app import settings


def fake_getcwd():
    return "/tmp"


def install():
    os.getcwd = fake_getcwd
   #^^^^^^^^^ monkey-patching
    sys.stdout = open("log.txt", "w")
   #^^^^^^^^^^ monkey-patching
    settings.DEBUG = True
   #^^^^^^^^^^^^^^ monkey-patching
    setattr(os, "getcwd", fake_getcwd)
   #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ monkey-patching


def test_cwd(monkeypatch):
    monkeypatch.setattr(os, "getcwd", fake_getcwd)
   #^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ monkey-patching
