import subprocess

subprocess.run(["ls", path])
subprocess.run(["ls", path], shell=False)
subprocess.run(command, shell=use_shell)
subprocess.run(command, shell=0)
subprocess.call(shell=True)
runner.run(command, shell=True)
subprocess.getoutput(command)


# A parameter named like the alias is not the import.
from subprocess import run as run_command


def launch(run_command):
    run_command(command, shell=True)
