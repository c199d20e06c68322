from services.evaluation.main import run

run()
