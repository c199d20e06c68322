from services.clues.main import run

run()
