"""Exports of the monthly report (issue 11): CSV and XLSX here (no Qt), PDF in the GUI layer
(``hai_desktop.gui.views.report_pdf``, Qt's own PDF writer).

- ``rows``: the month's inquiries as export rows (visitor contact data only when asked for);
- ``summary``: the figures as titled tables (the XLSX summary sheet, the PDF, the charts);
- ``numbers``: Indonesian number, percent and date forms;
- ``csv_export`` / ``xlsx_export``: the files.

The words in the files (column headers, table titles) are the document's Indonesian, the
language of the decree's report; they live in ``labels`` so that one place holds them.
"""
